package io.conserver.domain.vcon;

/**
 * Where a value sits in the vCon, e.g. {@code dialog[0].parties[1][0]}. The text is built only
 * when a problem is reported: a clean vCon walks hundreds of paths, and concatenating each one
 * would cost more than the checks themselves.
 */
final class ValidationPath {
    /** The document itself, shown as {@code $}; its fields are shown without a prefix. */
    static final ValidationPath ROOT = new ValidationPath(null, null, -1);

    private final ValidationPath parent;
    private final String field;
    private final int index;

    private ValidationPath(ValidationPath parent, String field, int index) {
        this.parent = parent;
        this.field = field;
        this.index = index;
    }

    ValidationPath field(String name) {
        return new ValidationPath(this, name, -1);
    }

    ValidationPath index(int i) {
        return new ValidationPath(this, null, i);
    }

    @Override
    public String toString() {
        return parent == null ? "$" : append(new StringBuilder(48)).toString();
    }

    private StringBuilder append(StringBuilder out) {
        if (parent.parent != null) {
            parent.append(out);
        }
        if (field == null) {
            return out.append('[').append(index).append(']');
        }
        return out.length() == 0 ? out.append(field) : out.append('.').append(field);
    }
}
