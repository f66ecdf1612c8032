package io.hoithao.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.ServerVersion;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedMongoTest {

    @Test
    void keepsDocumentsAndIndexesAcrossARestartOnTheSameDirectory(@TempDir Path dir) {
        try (EmbeddedMongo mongo = new EmbeddedMongo(dir, 0).start();
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> delegates = client.getDatabase("hoithao_registrations").getCollection("delegates");
            delegates.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true));
            delegates.insertOne(new Document("_id", "d-1").append("name", "Nguyễn Thị Hương").append("email", "huong@example.vn"));
        }
        assertThat(dir.resolve(EmbeddedMongo.FILE_NAME)).isNotEmptyFile();

        try (EmbeddedMongo mongo = new EmbeddedMongo(dir, 0).start();
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> delegates = client.getDatabase("hoithao_registrations").getCollection("delegates");
            Document found = delegates.find(Filters.eq("_id", "d-1")).first();
            assertThat(found).isNotNull();
            assertThat(found.getString("name")).isEqualTo("Nguyễn Thị Hương");
            // Spring Boot's health indicator sends hello to the service's database
            Document hello = client.getDatabase("hoithao_registrations").runCommand(new Document("hello", 1));
            assertThat(hello.get("isWritablePrimary")).isEqualTo(true);
            assertThat(hello.getInteger("maxWireVersion")).isEqualTo(ServerVersion.MONGO_5_0.getWireVersion());
            // the unique index came back too
            assertThatThrownBy(() -> delegates.insertOne(new Document("_id", "d-2").append("email", "huong@example.vn")))
                    .isInstanceOf(MongoWriteException.class)
                    .hasMessageContaining("E11000");
        }
    }
}
