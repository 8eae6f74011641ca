package live.harvest.testkit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** One line of figures for a measurement harness's log: n, min, p50, p90, max of millisecond samples. */
public final class LagFigures {

    private LagFigures() {
    }

    public static String summary(String what, List<Double> ms) {
        List<Double> sorted = new ArrayList<>(ms);
        Collections.sort(sorted);
        return String.format(Locale.ROOT, "BENCH %s: n=%d min %.1f p50 %.1f p90 %.1f max %.1f ms", what, sorted.size(),
                sorted.get(0), sorted.get(sorted.size() / 2), sorted.get((int) (sorted.size() * 0.9)),
                sorted.get(sorted.size() - 1));
    }
}
