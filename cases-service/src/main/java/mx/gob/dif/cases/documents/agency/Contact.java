package mx.gob.dif.cases.documents.agency;

import mx.gob.dif.cases.documents.SpanishText;

/**
 * How to reach a service (HSDS phone, email and physical address, flattened). Each part may be
 * {@code null}; blank texts are stored as {@code null}.
 */
public record Contact(String phone, String email, String address) {

    public static final Contact NONE = new Contact(null, null, null);

    public Contact {
        phone = SpanishText.clean(phone);
        email = SpanishText.clean(email);
        address = SpanishText.clean(address);
    }
}
