package mx.gob.dif.cases.domain;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The CURP (Clave Única de Registro de Población): 18 characters that encode the birth date
 * (positions 5–10), sex (11), state of birth (12–13) and end in a check digit (18).
 * {@link #problems(String)} says in Spanish everything that is wrong with one, so a social worker
 * can correct the right character instead of guessing.
 */
public final class Curp {
    private static final Pattern FORMAT = Pattern.compile("^[A-Z]{4}\\d{6}[A-Z]{6}[0-9A-Z]\\d$");
    /** RENAPO's alphabet for the check digit: Ñ sits between N and O. */
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ";
    /** The 32 states by their RENAPO code, plus NE (born abroad). */
    public static final Set<String> STATES = Set.of("AS", "BC", "BS", "CC", "CL", "CM", "CS", "CH", "DF", "DG", "GT",
            "GR", "HG", "JC", "MC", "MN", "MS", "NT", "NL", "OC", "PL", "QT", "QR", "SP", "SL", "SR", "TC", "TS", "TL",
            "VZ", "YN", "ZS", "NE");

    private final String value;
    private final LocalDate birthDate;
    private final char sex;
    private final String state;

    private Curp(String value, LocalDate birthDate, char sex, String state) {
        this.value = value;
        this.birthDate = birthDate;
        this.sex = sex;
        this.state = state;
    }

    /** Upper-cases and trims what a person typed. */
    public static String normalize(String raw) {
        return raw == null ? null : raw.trim().toUpperCase(java.util.Locale.ROOT);
    }

    /** A valid CURP, or empty when {@link #problems(String)} is not empty. */
    public static Optional<Curp> parse(String raw) {
        String v = normalize(raw);
        if (!problems(v).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Curp(v, birthDate(v).orElseThrow(), v.charAt(10), v.substring(11, 13)));
    }

    /** Everything wrong with a CURP, in Spanish; empty when it is valid. */
    public static List<String> problems(String raw) {
        String v = normalize(raw);
        List<String> problems = new ArrayList<>();
        if (v == null || v.isEmpty()) {
            problems.add("La CURP está vacía.");
            return problems;
        }
        if (v.length() != 18 || !FORMAT.matcher(v).matches()) {
            problems.add("La CURP debe tener 18 caracteres: 4 letras, 6 dígitos de la fecha de nacimiento (AAMMDD), "
                    + "6 letras, 1 letra o dígito y 1 dígito verificador.");
            return problems;
        }
        if (birthDate(v).isEmpty()) {
            problems.add("La fecha de nacimiento en la CURP (posiciones 5 a 10: " + v.substring(4, 10) + ") no es una fecha real.");
        }
        char sex = v.charAt(10);
        if (sex != 'H' && sex != 'M') {
            problems.add("El sexo en la CURP (posición 11) debe ser H o M, no '" + sex + "'.");
        }
        String state = v.substring(11, 13);
        if (!STATES.contains(state)) {
            problems.add("La entidad de nacimiento en la CURP (posiciones 12 y 13: " + state + ") no es una clave válida.");
        }
        int expected = checkDigit(v.substring(0, 17));
        int actual = v.charAt(17) - '0';
        if (expected != actual) {
            problems.add("El dígito verificador de la CURP no corresponde: debería ser " + expected + " y es " + actual
                    + ". Revise que cada carácter esté bien escrito.");
        }
        return problems;
    }

    /** RENAPO check digit of the first 17 characters: (10 − Σ value × (18 − i) mod 10) mod 10. */
    public static int checkDigit(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = ALPHABET.indexOf(first17.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("not a CURP character: " + first17.charAt(i));
            }
            sum += value * (18 - i);
        }
        return (10 - sum % 10) % 10;
    }

    /**
     * Birth date from positions 5–10. Position 17 tells the century: a digit for people born
     * before 2000, a letter from 2000 on.
     */
    static Optional<LocalDate> birthDate(String v) {
        int yy = Integer.parseInt(v.substring(4, 6));
        int century = Character.isDigit(v.charAt(16)) ? 1900 : 2000;
        try {
            return Optional.of(LocalDate.of(century + yy, Integer.parseInt(v.substring(6, 8)), Integer.parseInt(v.substring(8, 10))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    public String value() {
        return value;
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    /** 'H' (hombre) or 'M' (mujer). */
    public char sex() {
        return sex;
    }

    public String state() {
        return state;
    }

    @Override
    public String toString() {
        // a CURP is personal data: never let it slip into a log through string concatenation
        return "Curp[****]";
    }
}
