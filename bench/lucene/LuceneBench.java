// A benchmark peer: Lucene 4.10 (Debian's liblucene4.10-java), written plainly.
//
//   java LuceneBench index DIR PATH...     Article XML files/folders
//   java LuceneBench compact DIR           forceMerge(1)
//   java LuceneBench search DIR QUERIES [--facets] [--warmup] [--results FILE]
//
// index: one IndexWriter with StandardAnalyzer and default settings; the
//   title and body in one TextField "text"; id stored; outlet and topic as
//   StringFields for filters and SortedSetDocValuesFacetFields (lucene-facet)
//   for counts, with year; date as an IntField YYYYMMDD for ranges.
// search: each line of QUERIES is "LUCENE-QUERY<TAB>FILTERS" (bench/
//   make_queries.py), FILTERS '|'-separated outlet=NAME, topic=ID,
//   date=YYYYMMDD..YYYYMMDD, added as MUST clauses. Top 10; with --facets,
//   FacetsCollector + SortedSetDocValuesFacetCounts on outlet, year, topic.
// Prints one JSON summary line like the C++ peers (bench/peer_common.h).
import java.io.*;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.util.*;
import javax.xml.stream.*;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.*;
import org.apache.lucene.facet.*;
import org.apache.lucene.facet.sortedset.*;
import org.apache.lucene.index.*;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.*;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Version;

public class LuceneBench {
  static final Version V = Version.LUCENE_4_10_4;
  static final String[] DIMS = {"outlet", "year", "topic"};

  static List<Path> xmlFiles(List<String> paths) throws IOException {
    List<Path> files = new ArrayList<>();
    for (String p : paths) {
      Path path = Paths.get(p);
      if (Files.isDirectory(path)) {
        try (java.util.stream.Stream<Path> s = Files.walk(path)) {
          s.filter(f -> f.toString().endsWith(".xml") && Files.isRegularFile(f)).forEach(files::add);
        }
      } else {
        files.add(path);
      }
    }
    Collections.sort(files, Comparator.comparing(Path::toString));
    return files;
  }

  static class Art {
    String id = "", outlet = "", date = "", title = "";
    List<String> topics = new ArrayList<>();
    StringBuilder body = new StringBuilder();
  }

  // Reads the text of the current element and all its descendants.
  static String text(XMLStreamReader r) throws XMLStreamException {
    StringBuilder sb = new StringBuilder();
    int depth = 1;
    while (depth > 0) {
      int ev = r.next();
      if (ev == XMLStreamConstants.START_ELEMENT) { depth++; sb.append(' '); }
      else if (ev == XMLStreamConstants.END_ELEMENT) depth--;
      else if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA
               || ev == XMLStreamConstants.SPACE) sb.append(r.getText());
    }
    return sb.toString().trim();
  }

  static void readFile(Path file, java.util.function.Consumer<Art> fn) throws Exception {
    XMLInputFactory f = XMLInputFactory.newInstance();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      XMLStreamReader r = f.createXMLStreamReader(in);
      Art a = null;
      boolean inBody = false;
      while (r.hasNext()) {
        int ev = r.next();
        if (ev == XMLStreamConstants.START_ELEMENT) {
          String n = r.getLocalName();
          if (n.equals("article")) {
            a = new Art();
            String id = r.getAttributeValue(null, "id");
            a.id = id == null ? "" : id;
          } else if (a == null) {
            continue;
          } else if (n.equals("body")) {
            inBody = true;
          } else if (n.equals("p") && inBody) {
            if (a.body.length() > 0) a.body.append('\n');
            a.body.append(text(r));
          } else if (n.equals("outlet")) {
            a.outlet = text(r);
          } else if (n.equals("date")) {
            String d = text(r);
            a.date = d.length() == 10 ? d.substring(0, 4) + d.substring(5, 7) + d.substring(8, 10) : "";
          } else if (n.equals("title")) {
            a.title = text(r);
          } else if (n.equals("topic")) {
            String t = text(r);
            if (!t.isEmpty()) a.topics.add(t);
          } else if (n.equals("quotes") || n.equals("comments") || n.equals("speakers")) {
            text(r);  // not indexed by the peers
          }
        } else if (ev == XMLStreamConstants.END_ELEMENT) {
          String n = r.getLocalName();
          if (n.equals("body")) inBody = false;
          if (n.equals("article") && a != null) { fn.accept(a); a = null; }
        }
      }
    }
  }

  static FacetsConfig facetsConfig() {
    FacetsConfig c = new FacetsConfig();
    c.setMultiValued("topic", true);
    return c;
  }

  static void index(String dir, List<String> paths) throws Exception {
    IndexWriterConfig cfg = new IndexWriterConfig(V, new StandardAnalyzer());
    cfg.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
    FacetsConfig fc = facetsConfig();
    long[] n = {0};
    try (IndexWriter w = new IndexWriter(FSDirectory.open(new File(dir)), cfg)) {
      for (Path file : xmlFiles(paths)) {
        readFile(file, a -> {
          try {
            Document d = new Document();
            d.add(new StringField("id", a.id, Field.Store.YES));
            d.add(new TextField("text", a.title + "\n" + a.body, Field.Store.NO));
            if (!a.outlet.isEmpty()) {
              d.add(new StringField("outlet", a.outlet, Field.Store.NO));
              d.add(new SortedSetDocValuesFacetField("outlet", a.outlet));
            }
            for (String t : new LinkedHashSet<>(a.topics)) {
              d.add(new StringField("topic", t, Field.Store.NO));
              d.add(new SortedSetDocValuesFacetField("topic", t));
            }
            if (!a.date.isEmpty()) {
              d.add(new IntField("date", Integer.parseInt(a.date), Field.Store.NO));
              d.add(new SortedSetDocValuesFacetField("year", a.date.substring(0, 4)));
            }
            w.addDocument(fc.build(d));
            n[0]++;
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
      }
      w.commit();
    }
    System.err.println("indexed " + n[0] + " articles");
  }

  static void compact(String dir) throws Exception {
    IndexWriterConfig cfg = new IndexWriterConfig(V, new StandardAnalyzer());
    cfg.setOpenMode(IndexWriterConfig.OpenMode.APPEND);
    try (IndexWriter w = new IndexWriter(FSDirectory.open(new File(dir)), cfg)) {
      w.forceMerge(1);
    }
  }

  static String js(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') sb.append('\\').append(c);
      else if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
      else sb.append(c);
    }
    return sb.append('"').toString();
  }

  static double pct(double[] v, double p) {
    if (v.length == 0) return 0;
    double[] s = v.clone();
    Arrays.sort(s);
    int i = (int) (p * (s.length - 1) + 0.5);
    return s[Math.min(i, s.length - 1)];
  }

  static void search(String dir, String queriesPath, boolean facets, String resultsPath,
                     boolean warmup) throws Exception {
    List<String> queries = new ArrayList<>();
    for (String l : Files.readAllLines(Paths.get(queriesPath), StandardCharsets.UTF_8)) {
      if (!l.isEmpty()) queries.add(l);
    }
    DirectoryReader reader = DirectoryReader.open(FSDirectory.open(new File(dir)));
    IndexSearcher searcher = new IndexSearcher(reader);
    SortedSetDocValuesReaderState state = new DefaultSortedSetDocValuesReaderState(reader);
    FacetsConfig fc = facetsConfig();
    StandardAnalyzer analyzer = new StandardAnalyzer();
    PrintWriter results = resultsPath == null ? null
        : new PrintWriter(Files.newBufferedWriter(Paths.get(resultsPath), StandardCharsets.UTF_8));
    double[] lat = new double[queries.size()];
    int errors = 0;
    long tAll = System.nanoTime();
    // With --warmup the query set runs once untimed first, so the JIT has
    // compiled the search path: what a long-running Lucene service sees.
    for (int pass = warmup ? 0 : 1; pass < 2; pass++) {
    if (pass == 1) { errors = 0; tAll = System.nanoTime(); }
    for (int qi = 0; qi < queries.size(); qi++) {
      long t0 = System.nanoTime();
      String line = queries.get(qi);
      String out;
      try {
        int tab = line.indexOf('\t');
        String text = tab < 0 ? line : line.substring(0, tab);
        QueryParser qp = new QueryParser(V, "text", analyzer);
        qp.setDefaultOperator(QueryParser.Operator.AND);
        BooleanQuery q = new BooleanQuery();
        q.add(qp.parse(text), BooleanClause.Occur.MUST);
        if (tab >= 0) {
          for (String f : line.substring(tab + 1).split("\\|")) {
            int eq = f.indexOf('=');
            if (eq < 0) continue;
            String k = f.substring(0, eq), v = f.substring(eq + 1);
            Query fq;
            if (k.equals("date")) {
              String[] ab = v.split("\\.\\.");
              fq = NumericRangeQuery.newIntRange("date", Integer.parseInt(ab[0]),
                                                 Integer.parseInt(ab[1]), true, true);
            } else {
              fq = new TermQuery(new Term(k, v));
            }
            fq.setBoost(0f);
            q.add(fq, BooleanClause.Occur.MUST);
          }
        }
        TopDocs td;
        StringBuilder fs = new StringBuilder();
        if (facets) {
          FacetsCollector c = new FacetsCollector();
          td = FacetsCollector.search(searcher, q, 10, c);
          Facets counts = new SortedSetDocValuesFacetCounts(state, c);
          fs.append(", \"facets\": {");
          for (int i = 0; i < DIMS.length; i++) {
            fs.append(i > 0 ? ", " : "").append(js(DIMS[i])).append(": {");
            FacetResult r = null;
            try {
              r = counts.getTopChildren(1000, DIMS[i]);
            } catch (IllegalArgumentException e) {
              // the dimension has no values in this index
            }
            if (r != null) {
              LabelAndValue[] lv = r.labelValues.clone();
              Arrays.sort(lv, Comparator.comparing(x -> x.label));
              for (int j = 0; j < lv.length; j++) {
                fs.append(j > 0 ? ", " : "").append(js(lv[j].label)).append(": ").append(lv[j].value);
              }
            }
            fs.append("}");
          }
          fs.append("}");
        } else {
          td = searcher.search(q, 10);
        }
        StringBuilder sb = new StringBuilder("{\"total\": ").append(td.totalHits).append(", \"ids\": [");
        for (int i = 0; i < td.scoreDocs.length; i++) {  // a search returns its hits' ids
          sb.append(i > 0 ? ", " : "").append(js(searcher.doc(td.scoreDocs[i].doc).get("id")));
        }
        out = sb.append("]").append(fs).append("}").toString();
      } catch (Exception e) {
        errors++;
        out = "{\"error\": " + js(String.valueOf(e.getMessage())) + "}";
      }
      lat[qi] = (System.nanoTime() - t0) / 1e6;
      if (results != null && pass == 1) results.println(out);
    }
    }
    double seconds = (System.nanoTime() - tAll) / 1e9;
    if (results != null) results.close();
    System.out.printf(Locale.ROOT,
        "{\"queries\": %d, \"seconds\": %.6f, \"p50_ms\": %.4f, \"p99_ms\": %.4f, \"errors\": %d}%n",
        queries.size(), seconds, pct(lat, 0.5), pct(lat, 0.99), errors);
  }

  public static void main(String[] args) throws Exception {
    if (args.length >= 3 && args[0].equals("index")) {
      index(args[1], Arrays.asList(args).subList(2, args.length));
    } else if (args.length == 2 && args[0].equals("compact")) {
      compact(args[1]);
    } else if (args.length >= 3 && args[0].equals("search")) {
      boolean facets = false, warmup = false;
      String results = null;
      for (int i = 3; i < args.length; i++) {
        if (args[i].equals("--facets")) facets = true;
        else if (args[i].equals("--warmup")) warmup = true;
        else if (args[i].equals("--results") && i + 1 < args.length) results = args[++i];
      }
      search(args[1], args[2], facets, results, warmup);
    } else {
      System.err.println("usage: LuceneBench index DIR PATH... | compact DIR | "
                         + "search DIR QUERIES [--facets] [--results FILE]");
      System.exit(2);
    }
  }
}
