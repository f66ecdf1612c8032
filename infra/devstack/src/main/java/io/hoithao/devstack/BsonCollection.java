package io.hoithao.devstack;

import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.stream.Stream;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractSynchronizedMongoCollection;
import de.bwaldvogel.mongo.backend.Assert;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.MVMap;

/**
 * A collection whose documents are stored as BSON bytes, keyed by their {@code _id}, in an H2
 * map. H2 stores an object it does not know by Java serialisation, and estimates its size at
 * 10 KB, so after about a hundred writes a writing command could have to store the map itself,
 * serialising every document of the changed pages again. BSON bytes are written as they are, and each read decodes a copy
 * of its own. Documents written by the plain H2 backend (Java-serialised) are still read.
 *
 * <p>A query that names one {@code _id} (a string or an ObjectId, the ids the services use) is
 * answered from that document alone: it is read by its key and matched against the whole
 * query, so the answer is the one a scan would give. Other queries scan.
 */
final class BsonCollection extends AbstractSynchronizedMongoCollection<Object> {

    private static final String ID = "_id";
    private static final String DATA_SIZE_KEY = "dataSize";

    private final MVMap<Object, Object> data;
    private final MVMap<String, Object> meta;
    private final FaithfulH2Backend backend;

    BsonCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                   MVMap<Object, Object> data, MVMap<String, Object> meta, CursorRegistry cursorRegistry,
                   FaithfulH2Backend backend) {
        super(database, collectionName, options, cursorRegistry);
        this.data = data;
        this.meta = meta;
        this.backend = backend;
        meta.putIfAbsent(DATA_SIZE_KEY, Long.valueOf(0));
    }

    /** Each change goes to the journal after it is made and under the same lock, so the journal has the changes of a key in their order. */
    private void journal(MVMap<?, ?> map, Object key, Object value) {
        if (backend != null) {
            backend.journal(map.getName(), key, value);
        }
    }

    static byte[] encode(Document document) {
        ByteBuf buffer = Unpooled.buffer();
        try {
            BsonEncoder.encodeDocument(document, buffer);
            byte[] bytes = new byte[buffer.readableBytes()];
            buffer.readBytes(bytes);
            return bytes;
        } finally {
            buffer.release();
        }
    }

    static Document decode(Object stored) {
        if (stored == null) {
            return null;
        }
        if (stored instanceof byte[] bytes) {
            return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bytes));
        }
        return ((Document) stored).cloneDeeply(); // written by the plain H2 backend
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                                         int batchSize, Document fieldSelector) {
        Object id = query.get(ID);
        if (ID.equals(getIdField()) && (id instanceof String || id instanceof ObjectId)) {
            Document document = getDocument(id);
            return matchDocumentsFromStream(document == null ? Stream.empty() : Stream.of(document),
                    query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
        return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    // An index is filled from the documents under the collection's lock, so that no insert slips
    // between the fill and the index taking over.
    @Override
    public synchronized void addIndex(Index<Object> index) {
        super.addIndex(index);
    }

    @Override
    public synchronized void dropIndex(String indexName) {
        super.dropIndex(indexName);
    }

    @Override
    protected void updateDataSize(int sizeDelta) {
        synchronized (meta) {
            Number value = (Number) meta.get(DATA_SIZE_KEY);
            Long size = Long.valueOf(value.longValue() + sizeDelta);
            meta.put(DATA_SIZE_KEY, size);
            journal(meta, DATA_SIZE_KEY, size);
        }
    }

    @Override
    protected int getDataSize() {
        return ((Number) meta.get(DATA_SIZE_KEY)).intValue();
    }

    @Override
    protected Object addDocumentInternal(Document document) {
        Object key = getIdField() != null ? Utils.getSubdocumentValue(document, getIdField()) : UUID.randomUUID();
        byte[] bytes = encode(document);
        Object position = Missing.ofNullable(key);
        Object previous = data.put(position, bytes);
        Assert.isNull(previous, () -> "Document with key '" + key + "' already existed in " + this);
        journal(data, position, bytes);
        return key;
    }

    @Override
    public int count() {
        return data.size();
    }

    @Override
    public boolean isEmpty() {
        return data.isEmpty();
    }

    @Override
    protected Document getDocument(Object position) {
        return decode(data.get(position));
    }

    @Override
    protected void removeDocument(Object position) {
        if (data.remove(position) == null) {
            throw new NoSuchElementException("No document with key " + position);
        }
        journal(data, position, null);
    }

    @Override
    protected Stream<DocumentWithPosition<Object>> streamAllDocumentsWithPosition() {
        return data.entrySet().stream().map(entry -> new DocumentWithPosition<>(decode(entry.getValue()), entry.getKey()));
    }

    @Override
    protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                                         Document fieldSelector) {
        Stream<Document> documents;
        if (isNaturalDescending(orderBy)) {
            documents = streamAllDocumentsWithPosition()
                    .sorted((a, b) -> ValueComparator.desc().compare(a.getPosition(), b.getPosition()))
                    .map(DocumentWithPosition::getDocument);
        } else {
            documents = data.values().stream().map(BsonCollection::decode);
        }
        return matchDocumentsFromStream(documents, query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    @Override
    protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
        byte[] bytes = encode(newDocument);
        Object key = Missing.ofNullable(position);
        data.put(key, bytes);
        journal(data, key, bytes);
    }
}
