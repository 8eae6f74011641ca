package live.harvest.orders.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Reads the key list of each Lua script in src/main/resources/lua: how many KEYS it uses. */
public final class LuaKeys {

    /** Stands for a script that walks all of its KEYS (#KEYS): any number of keys. */
    public static final int ANY = Integer.MAX_VALUE;
    private static final Path SCRIPTS = Path.of("src/main/resources/lua");
    private static final Pattern KEY = Pattern.compile("KEYS\\[(\\d+)]");

    private LuaKeys() {
    }

    /** Script name (file name without .lua) → the highest KEYS index it reads, or {@link #ANY}. */
    public static Map<String, Integer> all() {
        Map<String, Integer> scripts = new TreeMap<>();
        try (Stream<Path> files = Files.list(SCRIPTS)) {
            files.filter(f -> f.toString().endsWith(".lua")).forEach(file -> {
                String name = file.getFileName().toString().replace(".lua", "");
                scripts.put(name, keysOf(read(file)));
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return scripts;
    }

    static int keysOf(String script) {
        if (script.contains("#KEYS")) {
            return ANY;
        }
        int highest = 0;
        Matcher m = KEY.matcher(script);
        while (m.find()) {
            highest = Math.max(highest, Integer.parseInt(m.group(1)));
        }
        return highest;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
