package io.github.solarwire.tedapi.codec;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.github.solarwire.core.ProtocolException;
import io.github.solarwire.tedapi.proto.CommonMessages;
import io.github.solarwire.tedapi.proto.FileStoreMessages;
import io.github.solarwire.tedapi.proto.GraphQLError;
import io.github.solarwire.tedapi.proto.GraphQLMessages;
import io.github.solarwire.tedapi.proto.Message;
import io.github.solarwire.tedapi.proto.MessageEnvelope;
import io.github.solarwire.tedapi.proto.QueryResponse;
import io.github.solarwire.tedapi.proto.RadioInfo;
import io.github.solarwire.tedapi.proto.SystemInfo;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.zip.GZIPInputStream;

/**
 * Reads TEDAPI v1 response bodies: the protobuf {@code Message} that wraps config, query and
 * firmware answers, and the plain-text DIN.
 *
 * <p>Firmware 25.42.2 and later gzip bodies without saying so in a header, so every reader sniffs
 * the gzip magic bytes {@code 1f 8b} and inflates, to at most {@link #MAX_BODY_BYTES}. The JSON
 * comes back as text, unparsed: gateways send {@code null}s, {@code -1.0} sentinels and strings for
 * enums, which the caller's JSON views handle. Malformed input of any kind is a {@link
 * ProtocolException}, never another exception. Pure functions; thread-safe.
 */
public final class TedapiResponses {

    /** The largest body, inflated, that a reader accepts: far above any gateway answer. */
    public static final int MAX_BODY_BYTES = 8 * 1024 * 1024;

    private static final int GZIP_MAGIC_1 = 0x1f;
    private static final int GZIP_MAGIC_2 = 0x8b;

    private TedapiResponses() {}

    /**
     * Whether a body starts with the gzip magic bytes.
     *
     * @param body a response body
     * @return true when it is gzip
     */
    public static boolean isGzip(byte[] body) {
        return body.length >= 2 && (body[0] & 0xff) == GZIP_MAGIC_1 && (body[1] & 0xff) == GZIP_MAGIC_2;
    }

    /**
     * The body as sent before compression: inflated when it is gzip, else unchanged.
     *
     * @param body a response body
     * @return the plain bytes (the same array when not gzip)
     * @throws ProtocolException when the gzip stream is damaged or inflates beyond {@link
     *     #MAX_BODY_BYTES}
     */
    public static byte[] plain(byte[] body) throws ProtocolException {
        Objects.requireNonNull(body, "body");
        if (body.length > MAX_BODY_BYTES) {
            throw tooLarge(body.length);
        }
        if (!isGzip(body)) {
            return body;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, body.length * 4));
        byte[] buffer = new byte[8192];
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body), buffer.length)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                if (out.size() + n > MAX_BODY_BYTES) {
                    throw tooLarge(out.size() + (long) n);
                }
                out.write(buffer, 0, n);
            }
        } catch (ProtocolException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // ZipException, EOFException; the inflater's own runtime errors on garbage, too.
            throw new ProtocolException("damaged gzip body", -1, "a gzip stream", e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /**
     * The DIN from {@code GET /tedapi/din}: plain text, gzipped on new firmware, whitespace
     * trimmed.
     *
     * @param body the response body
     * @return the DIN
     * @throws ProtocolException when the body is empty or not a DIN
     */
    public static String din(byte[] body) throws ProtocolException {
        String din = new String(plain(body), StandardCharsets.UTF_8).strip();
        try {
            return TedapiRequests.checkDin(din);
        } catch (IllegalArgumentException e) {
            throw new ProtocolException("not a DIN", 0, "letters, digits and '-'", din);
        }
    }

    /**
     * The {@code config.json} text from a config (file store) response.
     *
     * @param body the response body
     * @return the JSON text
     * @throws ProtocolException when the body is not a file-store response with a file
     */
    public static String configJson(byte[] body) throws ProtocolException {
        MessageEnvelope envelope = envelope(body, MessageEnvelope.PayloadCase.FILESTORE, "filestore (field 15)");
        FileStoreMessages filestore = envelope.getFilestore();
        if (filestore.getMessageCase() != FileStoreMessages.MessageCase.READ_FILE_RESPONSE
                || !filestore.getReadFileResponse().hasFile()) {
            throw new ProtocolException(
                    "file-store response without a file",
                    -1,
                    "readFileResponse.file",
                    filestore.getMessageCase().name());
        }
        return text(filestore.getReadFileResponse().getFile().getBlob());
    }

    /**
     * The result of a signed query: status, JSON text and GraphQL errors.
     *
     * @param body the response body
     * @return the result; check {@link QueryResult#usable()}
     * @throws ProtocolException when the body is not a GraphQL query response
     */
    public static QueryResult query(byte[] body) throws ProtocolException {
        MessageEnvelope envelope = envelope(body, MessageEnvelope.PayloadCase.GRAPHQL, "graphql (field 16)");
        GraphQLMessages graphql = envelope.getGraphql();
        if (graphql.getMessageCase() != GraphQLMessages.MessageCase.QUERY_RESPONSE) {
            throw new ProtocolException(
                    "GraphQL message is not a query response",
                    -1,
                    "queryResponse",
                    graphql.getMessageCase().name());
        }
        QueryResponse response = graphql.getQueryResponse();
        List<QueryResult.Error> errors = new ArrayList<>();
        for (GraphQLError e : response.getErrorsList()) {
            errors.add(new QueryResult.Error(e.getPathList(), e.getCode(), e.getMessage()));
        }
        return new QueryResult(response.getStatus(), text(response.getData()), errors);
    }

    /**
     * The JSON text of a query that worked.
     *
     * @param body the response body
     * @return the JSON text, not blank
     * @throws ProtocolException when the body is not a query response, or the query failed (full
     *     error or no data: try the other query set)
     */
    public static String queryJson(byte[] body) throws ProtocolException {
        QueryResult result = query(body);
        if (!result.usable()) {
            String found = "status " + result.status() + ", " + result.json().length() + " chars"
                    + (result.errors().isEmpty()
                            ? ""
                            : ", " + result.errors().get(0).message());
            throw new ProtocolException("query returned no data", -1, "status 1 and JSON", found);
        }
        return result.json();
    }

    /**
     * The system info from a firmware ({@code getSystemInfo}) response.
     *
     * @param body the response body
     * @return the firmware info
     * @throws ProtocolException when the body is not a system-info response
     */
    public static FirmwareInfo firmware(byte[] body) throws ProtocolException {
        MessageEnvelope envelope = envelope(body, MessageEnvelope.PayloadCase.COMMON, "common (field 4)");
        CommonMessages common = envelope.getCommon();
        if (common.getMessageCase() != CommonMessages.MessageCase.GET_SYSTEM_INFO_RESPONSE) {
            throw new ProtocolException(
                    "common message is not system info",
                    -1,
                    "getSystemInfoResponse",
                    common.getMessageCase().name());
        }
        SystemInfo info = common.getGetSystemInfoResponse();
        List<FirmwareInfo.Radio> radios = new ArrayList<>();
        for (RadioInfo r : info.getComplianceInformation().getRadioLegalInformationList()) {
            radios.add(new FirmwareInfo.Radio(
                    r.getCompany().getValue(),
                    r.getModel().getValue(),
                    r.getFccId().getValue(),
                    r.getIc().getValue()));
        }
        return new FirmwareInfo(
                info.getDin(),
                info.getDeviceId().getPartNumber(),
                info.getDeviceId().getSerialNumber(),
                info.getFirmwareVersion().getText(),
                gitHash(info.getFirmwareVersion().getGithash()),
                info.getDeviceType(),
                info.getSystemUpdate().getUpdateStatus(),
                radios);
    }

    /** The envelope of a response, which must carry the expected payload. */
    private static MessageEnvelope envelope(byte[] body, MessageEnvelope.PayloadCase payload, String expected)
            throws ProtocolException {
        byte[] plain = plain(body);
        Message message;
        try {
            message = Message.parseFrom(plain);
        } catch (InvalidProtocolBufferException e) {
            throw new ProtocolException("not a TEDAPI message", -1, "a protobuf Message", e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new ProtocolException("not a TEDAPI message", -1, "a protobuf Message", e.toString(), e);
        }
        if (!message.hasEnvelope()) {
            throw new ProtocolException("TEDAPI message without an envelope", 0, "field 1", plain.length + " bytes");
        }
        MessageEnvelope envelope = message.getEnvelope();
        if (envelope.getPayloadCase() != payload) {
            throw new ProtocolException(
                    "unexpected TEDAPI payload",
                    -1,
                    expected,
                    envelope.getPayloadCase().name().toLowerCase(Locale.ROOT));
        }
        return envelope;
    }

    private static ProtocolException tooLarge(long size) {
        return new ProtocolException(
                "TEDAPI body too large", -1, "at most " + MAX_BODY_BYTES + " bytes", size + " bytes");
    }

    private static String text(ByteString bytes) {
        return bytes.toStringUtf8();
    }

    private static String gitHash(ByteString hash) {
        for (int i = 0; i < hash.size(); i++) {
            int b = hash.byteAt(i) & 0xff;
            if (b < 0x21 || b > 0x7e) {
                return HexFormat.of().formatHex(hash.toByteArray());
            }
        }
        return hash.toStringUtf8();
    }
}
