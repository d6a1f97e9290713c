package io.github.solarwire.tedapi.sim;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.github.solarwire.tedapi.codec.FirmwareInfo;
import io.github.solarwire.tedapi.codec.QueryRole;
import io.github.solarwire.tedapi.codec.QuerySetVersion;
import io.github.solarwire.tedapi.codec.QuerySets;
import io.github.solarwire.tedapi.codec.SignedQuery;
import io.github.solarwire.tedapi.proto.CommonMessages;
import io.github.solarwire.tedapi.proto.ComplianceInformation;
import io.github.solarwire.tedapi.proto.EcuId;
import io.github.solarwire.tedapi.proto.FileStoreFile;
import io.github.solarwire.tedapi.proto.FileStoreMessages;
import io.github.solarwire.tedapi.proto.FirmwareVersion;
import io.github.solarwire.tedapi.proto.GraphQLError;
import io.github.solarwire.tedapi.proto.GraphQLMessages;
import io.github.solarwire.tedapi.proto.Message;
import io.github.solarwire.tedapi.proto.MessageEnvelope;
import io.github.solarwire.tedapi.proto.Participant;
import io.github.solarwire.tedapi.proto.QueryRequest;
import io.github.solarwire.tedapi.proto.QueryResponse;
import io.github.solarwire.tedapi.proto.RadioInfo;
import io.github.solarwire.tedapi.proto.ReadFileResponse;
import io.github.solarwire.tedapi.proto.SystemInfo;
import io.github.solarwire.tedapi.proto.SystemUpdate;
import io.github.solarwire.tedapi.proto.Tail;
import io.github.solarwire.tedapi.proto.Text;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * What the gateway answers to a TEDAPI v1 POST: the request is decoded, a signed query is
 * recognised by its exact bytes among the shipped sets, and the answer is a protobuf {@code
 * Message} around the simulated site's JSON.
 */
final class TedapiAnswers {

    /** An HTTP status and body. */
    record Answer(int status, byte[] body) {
        static Answer error(int status, String text) {
            return new Answer(status, text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A query recognised among the shipped sets. */
    private record Known(QuerySetVersion version, SignedQuery query) {}

    private static final int STATUS_SUCCESS = 1;
    private static final int STATUS_ERROR_FULL = 3;
    private static final int UNAUTHORIZED = 2;
    private static final int FIELD_NOT_FOUND = 1;

    private final SimulatedGateway site;
    private final Map<ByteString, Known> known = new HashMap<>();

    TedapiAnswers(SimulatedGateway site) {
        this.site = site;
        QuerySets sets = QuerySets.shipped();
        for (QuerySetVersion v : QuerySetVersion.values()) {
            for (SignedQuery q : sets.all(v).values()) {
                known.put(ByteString.copyFrom(q.queryBytes()), new Known(v, q));
            }
        }
    }

    /**
     * Answers a POST.
     *
     * @param unit the PW3 unit of a {@code /tedapi/device/<din>/v1} request, or null for {@code
     *     /tedapi/v1}
     */
    Answer answer(String unit, byte[] body, Instant now) {
        Message request;
        try {
            request = Message.parseFrom(body);
        } catch (InvalidProtocolBufferException e) {
            return Answer.error(400, "not a TEDAPI message");
        }
        MessageEnvelope envelope = request.getEnvelope();
        String sender = unit != null ? unit : site.din();
        switch (envelope.getPayloadCase()) {
            case FILESTORE -> {
                FileStoreMessages fs = envelope.getFilestore();
                if (unit != null
                        || !fs.hasReadFileRequest()
                        || fs.getReadFileRequest().getDomain() != 1) {
                    return Answer.error(400, "unsupported file-store request");
                }
                String name = fs.getReadFileRequest().getName();
                if (!name.equals("config.json")) {
                    return Answer.error(404, "no such file");
                }
                FileStoreFile file = FileStoreFile.newBuilder()
                        .setName(name)
                        .setBlob(ByteString.copyFromUtf8(site.configJson()))
                        .build();
                byte[] hash = Integer.toHexString(site.configJson().hashCode()).getBytes(StandardCharsets.US_ASCII);
                return ok(envelopeWith(sender)
                        .setFilestore(FileStoreMessages.newBuilder()
                                .setReadFileResponse(ReadFileResponse.newBuilder()
                                        .setFile(file)
                                        .setHash(ByteString.copyFrom(hash)))));
            }
            case COMMON -> {
                if (unit != null || !envelope.getCommon().hasGetSystemInfoRequest()) {
                    return Answer.error(400, "unsupported common request");
                }
                return ok(envelopeWith(sender)
                        .setCommon(CommonMessages.newBuilder().setGetSystemInfoResponse(systemInfo(site.firmware()))));
            }
            case GRAPHQL -> {
                if (!envelope.getGraphql().hasQueryRequest()) {
                    return Answer.error(400, "not a query request");
                }
                return ok(envelopeWith(sender)
                        .setGraphql(query(unit, envelope.getGraphql().getQueryRequest(), now)));
            }
            default -> {
                return Answer.error(400, "unsupported TEDAPI payload");
            }
        }
    }

    private GraphQLMessages.Builder query(String unit, QueryRequest request, Instant now) {
        Known q = known.get(request.getQuery());
        if (q == null
                || !Arrays.equals(q.query.signature(), request.getSignature().toByteArray())) {
            // What a gateway does with a query it cannot verify: the 2026 set reports errors,
            // the 2024 set got empty data.
            return q != null && q.version == QuerySetVersion.V2024_06
                    ? response(STATUS_SUCCESS, "")
                    : error(UNAUTHORIZED, "signature verification failed");
        }
        String name = q.query.name();
        boolean components = name.equals(QueryRole.COMPONENTS.queryName(q.version));
        if (unit != null && !components) {
            return error(FIELD_NOT_FOUND, "a PW3 unit answers components queries only");
        }
        if (components) {
            String target = unit != null ? unit : site.din();
            if (!site.isUnit(target)) {
                return response(
                        STATUS_SUCCESS,
                        "{\"pw3Can\":null,\"components\":{\"pws\":[],\"pch\":[],\"bms\":[],"
                                + "\"hvp\":[],\"baggr\":[]}}");
            }
            return response(STATUS_SUCCESS, site.componentsJson(target, now));
        }
        if (name.equals(QueryRole.STATUS.queryName(QuerySetVersion.V2024_06))) {
            return response(STATUS_SUCCESS, site.statusJson(now));
        }
        if (name.equals(QueryRole.CONTROLLER.queryName(q.version))) {
            return response(STATUS_SUCCESS, site.controllerJson(now));
        }
        return response(STATUS_SUCCESS, "{}");
    }

    private static GraphQLMessages.Builder response(int status, String json) {
        return GraphQLMessages.newBuilder()
                .setQueryResponse(QueryResponse.newBuilder().setStatus(status).setData(ByteString.copyFromUtf8(json)));
    }

    private static GraphQLMessages.Builder error(int code, String message) {
        return GraphQLMessages.newBuilder()
                .setQueryResponse(QueryResponse.newBuilder()
                        .setStatus(STATUS_ERROR_FULL)
                        .addErrors(GraphQLError.newBuilder().setCode(code).setMessage(message)));
    }

    private static SystemInfo systemInfo(FirmwareInfo info) {
        ComplianceInformation.Builder radios = ComplianceInformation.newBuilder();
        for (FirmwareInfo.Radio r : info.radios()) {
            radios.addRadioLegalInformation(RadioInfo.newBuilder()
                    .setCompany(text(r.company()))
                    .setModel(text(r.model()))
                    .setFccId(text(r.fccId()))
                    .setIc(text(r.ic())));
        }
        return SystemInfo.newBuilder()
                .setDeviceId(EcuId.newBuilder().setPartNumber(info.partNumber()).setSerialNumber(info.serialNumber()))
                .setDin(info.din())
                .setFirmwareVersion(FirmwareVersion.newBuilder()
                        .setText(info.version())
                        .setGithash(ByteString.copyFromUtf8(info.gitHash())))
                .setSystemUpdate(SystemUpdate.newBuilder().setUpdateStatus(info.updateStatus()))
                .setDeviceType(info.deviceType())
                .setComplianceInformation(radios)
                .build();
    }

    private static Text text(String value) {
        return Text.newBuilder().setValue(value).build();
    }

    private static MessageEnvelope.Builder envelopeWith(String sender) {
        return MessageEnvelope.newBuilder()
                .setDeliveryChannel(1)
                .setSender(Participant.newBuilder().setDin(sender))
                .setRecipient(Participant.newBuilder().setLocal(1));
    }

    private static Answer ok(MessageEnvelope.Builder envelope) {
        byte[] body = Message.newBuilder()
                .setEnvelope(envelope)
                .setTail(Tail.newBuilder().setValue(1))
                .build()
                .toByteArray();
        return new Answer(200, body);
    }
}
