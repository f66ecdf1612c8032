package io.hoithao.identity.security;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;

/**
 * The authorization server's authorizations (a sign-in's state and code, the tokens made from it) in the
 * database, collection {@value #COLLECTION}: every instance of the service finds what another one saved, so a
 * code issued by one is redeemed at another. The authorization is stored whole (serialised) with each of its
 * token values beside it for the look-ups; a TTL index removes it once all its tokens have expired.
 */
final class MongoAuthorizations implements OAuth2AuthorizationService {

    static final String COLLECTION = "authorizations";

    /** How long an authorization with no token yet (a sign-in in progress) is kept. */
    private static final Duration PENDING = Duration.ofHours(1);

    private static final Map<String, String> FIELDS = Map.of(
            OAuth2ParameterNames.STATE, "state",
            OAuth2ParameterNames.CODE, "code",
            OAuth2ParameterNames.ACCESS_TOKEN, "accessToken",
            OAuth2ParameterNames.REFRESH_TOKEN, "refreshToken",
            OidcParameterNames.ID_TOKEN, "idToken",
            OAuth2ParameterNames.USER_CODE, "userCode",
            OAuth2ParameterNames.DEVICE_CODE, "deviceCode");

    private final MongoTemplate mongo;

    MongoAuthorizations(MongoTemplate mongo) {
        this.mongo = mongo;
        var indexes = mongo.indexOps(COLLECTION);
        FIELDS.values().forEach(field -> indexes.createIndex(new Index(field, Sort.Direction.ASC).sparse()));
        indexes.createIndex(new Index("expireAt", Sort.Direction.ASC).expire(Duration.ZERO));
    }

    @Override
    public void save(OAuth2Authorization authorization) {
        Document document = new Document("_id", authorization.getId())
                .append("authorization", StoredObjects.write(authorization));
        String state = authorization.getAttribute(OAuth2ParameterNames.STATE);
        if (state != null) {
            document.append("state", state);
        }
        Instant expires = Instant.now().plus(PENDING);
        expires = put(document, "code", authorization.getToken(OAuth2AuthorizationCode.class), expires);
        expires = put(document, "accessToken", authorization.getToken(OAuth2AccessToken.class), expires);
        expires = put(document, "refreshToken", authorization.getToken(OAuth2RefreshToken.class), expires);
        expires = put(document, "idToken", authorization.getToken(OidcIdToken.class), expires);
        put(document, "userCode", authorization.getToken(org.springframework.security.oauth2.core.OAuth2UserCode.class), expires);
        put(document, "deviceCode", authorization.getToken(org.springframework.security.oauth2.core.OAuth2DeviceCode.class), expires);
        document.append("expireAt", Date.from(expires));
        mongo.getCollection(COLLECTION).replaceOne(new Document("_id", authorization.getId()), document,
                new com.mongodb.client.model.ReplaceOptions().upsert(true));
    }

    private static Instant put(Document document, String field, OAuth2Authorization.Token<? extends OAuth2Token> token,
                               Instant expires) {
        if (token == null) {
            return expires;
        }
        document.append(field, token.getToken().getTokenValue());
        Instant tokenExpires = token.getToken().getExpiresAt();
        return tokenExpires != null && tokenExpires.isAfter(expires) ? tokenExpires : expires;
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        mongo.remove(Query.query(Criteria.where("_id").is(authorization.getId())), COLLECTION);
    }

    @Override
    public OAuth2Authorization findById(String id) {
        return read(mongo.findOne(Query.query(Criteria.where("_id").is(id)), Document.class, COLLECTION));
    }

    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        Criteria criteria;
        if (tokenType == null) {
            List<Criteria> any = new ArrayList<>();
            FIELDS.values().forEach(field -> any.add(Criteria.where(field).is(token)));
            criteria = new Criteria().orOperator(any);
        } else {
            String field = FIELDS.get(tokenType.getValue());
            if (field == null) {
                return null;
            }
            criteria = Criteria.where(field).is(token);
        }
        return read(mongo.findOne(Query.query(criteria), Document.class, COLLECTION));
    }

    private static OAuth2Authorization read(Document document) {
        return document == null ? null : StoredObjects.read(document.get("authorization"), OAuth2Authorization.class);
    }
}
