package live.harvest.catalog.batch;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * Human-typable trace codes such as {@code HL-7K3M-Q9TX}: 8 random Crockford base32 symbols (40 bits), which
 * has no I, L, O or U. Reading is forgiving the Crockford way: case, spaces and dashes do not matter and
 * I/L read as 1, O as 0.
 */
public final class TraceCodes {

    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private TraceCodes() {
    }

    public static String next() {
        StringBuilder code = new StringBuilder("HL-");
        for (int i = 0; i < 8; i++) {
            if (i == 4) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** The canonical form of what someone typed, or empty if it cannot be a trace code. */
    public static Optional<String> normalize(String typed) {
        if (typed == null || typed.length() > 40) {
            return Optional.empty();
        }
        String compact = typed.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
        if (compact.startsWith("HL") && compact.length() == 10) {
            compact = compact.substring(2);
        }
        if (compact.length() != 8) {
            return Optional.empty();
        }
        compact = compact.replace('O', '0').replace('I', '1').replace('L', '1');
        for (char c : compact.toCharArray()) {
            if (ALPHABET.indexOf(c) < 0) {
                return Optional.empty();
            }
        }
        return Optional.of("HL-" + compact.substring(0, 4) + "-" + compact.substring(4));
    }
}
