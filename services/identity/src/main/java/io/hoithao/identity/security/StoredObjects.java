package io.hoithao.identity.security;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import org.bson.types.Binary;

/**
 * Java serialization of what the authorization server keeps between two requests (an authorization in
 * progress, a session's attributes), as the database stores it. Only this service writes these bytes; a
 * value that no longer reads (written by another version of a class) counts as absent: the person signs in again.
 */
final class StoredObjects {

    private StoredObjects() {
    }

    static Binary write(Serializable value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not serialise " + value.getClass().getName(), e);
        }
        return new Binary(bytes.toByteArray());
    }

    static <T> T read(Object stored, Class<T> type) {
        if (!(stored instanceof Binary binary)) {
            return null;
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(binary.getData()))) {
            Object value = in.readObject();
            return type.isInstance(value) ? type.cast(value) : null;
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            return null;
        }
    }
}
