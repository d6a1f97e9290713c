package io.github.solarwire.tedapi.codec;

import com.google.protobuf.ByteString;
import io.github.solarwire.tedapi.proto.CommonMessages;
import io.github.solarwire.tedapi.proto.FileStoreMessages;
import io.github.solarwire.tedapi.proto.GetSystemInfoRequest;
import io.github.solarwire.tedapi.proto.GraphQLMessages;
import io.github.solarwire.tedapi.proto.Message;
import io.github.solarwire.tedapi.proto.MessageEnvelope;
import io.github.solarwire.tedapi.proto.Participant;
import io.github.solarwire.tedapi.proto.QueryRequest;
import io.github.solarwire.tedapi.proto.ReadFileRequest;
import io.github.solarwire.tedapi.proto.Tail;
import io.github.solarwire.tedapi.proto.Text;
import java.util.Objects;

/**
 * The exact bytes of TEDAPI v1 requests, as pypowerwall sends them; each is the body of one POST.
 *
 * <p>Direct requests go to {@link #PATH} with sender {@code local=INSTALLER}, recipient the
 * gateway DIN and tail 1. A PW3 unit's components query can instead be routed through {@link
 * #devicePath(String)}, with sender the leader DIN, recipient the unit's DIN and tail 2. Pure
 * functions; thread-safe.
 */
public final class TedapiRequests {

    /** Where every direct request is POSTed. */
    public static final String PATH = "/tedapi/v1";

    /** Where the gateway DIN is read with a GET (plain text, possibly gzipped). */
    public static final String DIN_PATH = "/tedapi/din";

    /** The request content type pypowerwall sends (sic); the gateway does not check it. */
    public static final String CONTENT_TYPE = "application/octet-string";

    /** The HTTP Basic user name; the password is the gateway's (PW3: the unit's) QR sticker. */
    public static final String USER = "Tesla_Energy_Device";

    private static final int LOCAL_HTTPS = 1;
    private static final int INSTALLER = 1;
    private static final int CONFIG_JSON = 1;
    private static final int SIGNED_SHA256_ECDSA_ASN1 = 2;
    private static final int TAIL_DIRECT = 1;
    private static final int TAIL_ROUTED = 2;

    private TedapiRequests() {}

    /**
     * Reads {@code config.json} from the gateway's file store.
     *
     * @param din the gateway DIN, as {@code /tedapi/din} gave it
     * @return the request body
     */
    public static byte[] config(String din) {
        FileStoreMessages read = FileStoreMessages.newBuilder()
                .setReadFileRequest(
                        ReadFileRequest.newBuilder().setDomain(CONFIG_JSON).setName("config.json"))
                .build();
        return wrap(direct(din).setFilestore(read).build(), TAIL_DIRECT);
    }

    /**
     * Asks for the firmware and system info ({@code getSystemInfo}).
     *
     * @param din the gateway DIN
     * @return the request body
     */
    public static byte[] firmware(String din) {
        CommonMessages info = CommonMessages.newBuilder()
                .setGetSystemInfoRequest(GetSystemInfoRequest.getDefaultInstance())
                .build();
        return wrap(direct(din).setCommon(info).build(), TAIL_DIRECT);
    }

    /**
     * Runs a signed query on the gateway, its variables JSON included.
     *
     * @param din the gateway DIN
     * @param query the query, e.g. {@code QuerySets.shipped().get(V2024_06, STATUS)}
     * @return the request body
     */
    public static byte[] query(String din, SignedQuery query) {
        return wrap(direct(din).setGraphql(graphql(query)).build(), TAIL_DIRECT);
    }

    /**
     * A PW3 components query sent straight to {@link #PATH}: the leader form, as for a site with
     * one Powerwall 3. The same bytes as {@link #query(String, SignedQuery)}.
     *
     * @param leaderDin the gateway (leader) DIN
     * @param query the components query
     * @return the request body
     */
    public static byte[] components(String leaderDin, SignedQuery query) {
        return query(leaderDin, query);
    }

    /**
     * A PW3 components query routed to one unit, leader or follower, through {@link
     * #devicePath(String) devicePath(targetDin)}.
     *
     * @param leaderDin the gateway (leader) DIN: the sender
     * @param targetDin the unit's DIN: the recipient
     * @param query the components query
     * @return the request body
     */
    public static byte[] components(String leaderDin, String targetDin, SignedQuery query) {
        MessageEnvelope envelope = MessageEnvelope.newBuilder()
                .setDeliveryChannel(LOCAL_HTTPS)
                .setSender(Participant.newBuilder().setDin(checkDin(leaderDin)))
                .setRecipient(Participant.newBuilder().setDin(checkDin(targetDin)))
                .setGraphql(graphql(query))
                .build();
        return wrap(envelope, TAIL_ROUTED);
    }

    /**
     * The path that routes a request to one PW3 unit.
     *
     * @param din the unit's DIN
     * @return {@code /tedapi/device/<din>/v1}
     * @throws IllegalArgumentException when the DIN has characters other than letters, digits and
     *     {@code -}
     */
    public static String devicePath(String din) {
        return "/tedapi/device/" + checkDin(din) + "/v1";
    }

    private static MessageEnvelope.Builder direct(String din) {
        return MessageEnvelope.newBuilder()
                .setDeliveryChannel(LOCAL_HTTPS)
                .setSender(Participant.newBuilder().setLocal(INSTALLER))
                .setRecipient(Participant.newBuilder().setDin(checkDin(din)));
    }

    private static GraphQLMessages graphql(SignedQuery query) {
        Objects.requireNonNull(query, "query");
        return GraphQLMessages.newBuilder()
                .setQueryRequest(QueryRequest.newBuilder()
                        .setFormat(SIGNED_SHA256_ECDSA_ASN1)
                        .setQuery(ByteString.copyFrom(query.queryBytes()))
                        .setSignature(ByteString.copyFrom(query.signature()))
                        .setVariablesJson(Text.newBuilder().setValue(query.variablesJson())))
                .build();
    }

    private static byte[] wrap(MessageEnvelope envelope, int tail) {
        return Message.newBuilder()
                .setEnvelope(envelope)
                .setTail(Tail.newBuilder().setValue(tail))
                .build()
                .toByteArray();
    }

    static String checkDin(String din) {
        Objects.requireNonNull(din, "din");
        if (din.isEmpty()) {
            throw new IllegalArgumentException("empty DIN");
        }
        for (int i = 0; i < din.length(); i++) {
            char c = din.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
                throw new IllegalArgumentException("not a DIN: " + din);
            }
        }
        return din;
    }
}
