import com.adobe.epubcheck.tool.EpubChecker;

/**
 * Check many EPUBs in one JVM (EPUBCheck's own command line takes one file a run).
 *
 * <p>Arguments come in pairs, an EPUB and the JSON report to write for it. Run it from source, with the jar on the
 * class path: {@code java -cp epubcheck.jar EpubCheckBatch.java a.epub a.json b.epub b.json}.
 */
public class EpubCheckBatch {
    public static void main(String[] pairs) {
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            try {
                new EpubChecker().run(new String[] {pairs[i], "--quiet", "--json", pairs[i + 1]});
            } catch (RuntimeException error) {
                System.err.println(pairs[i] + ": " + error);
            }
        }
    }
}
