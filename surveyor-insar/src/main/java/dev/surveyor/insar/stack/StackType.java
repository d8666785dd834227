package dev.surveyor.insar.stack;

/** What the files of a stack hold. */
public enum StackType {
    /** One co-registered complex SLC per date. */
    SLC,
    /** One complex interferogram per secondary date, formed against the reference date. */
    INTERFEROGRAM;

    /** The manifest spelling ({@code slc} or {@code interferogram}). */
    public String jsonName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
