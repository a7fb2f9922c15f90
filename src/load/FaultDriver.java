import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load side of src/load/run-fault-tests.sh: a second process that keeps PLUS busy while the
 * script's fault happens at a set second, and counts what every answer was, before, during and after
 * it. Runs as a single-file program (java src/load/FaultDriver.java MODE --key=value ...); JDK only.
 *
 * Modes:
 *  ingest — sends --events events in batches of --batch from --clients clients; a batch whose answer
 *           does not come (the server was killed) is sent again, unchanged, until it is acknowledged;
 *           writes the acknowledged event ids to --acked.
 *  outage — ingest of single new events and summary reads of --users seeded users; counts statuses
 *           per phase (before the fault, while it lasts, after it is repaired).
 *  cache  — summary reads and scores of --users seeded users, each answer compared with the one
 *           given before the fault.
 * Prints key=value lines: the script turns them into its table.
 */
public final class FaultDriver {
    private static final Pattern TEXT = Pattern.compile("\"text\":\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern RANKING = Pattern.compile("\"ranking\":\\[([0-9,]*)\\]");
    private static final Pattern SEQUENCE = Pattern.compile("\"feedbackSequence\":(\\d+)");

    private final Map<String, String> options;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final String url;
    private final String tenant;
    private final long start = System.nanoTime();
    private volatile long faultAt = Long.MAX_VALUE;
    private volatile long restoredAt = Long.MAX_VALUE;
    /** phase -> status (or "io" for no answer) -> count */
    private final Map<String, Map<String, AtomicLong>> statuses = new ConcurrentHashMap<>();

    private FaultDriver(Map<String, String> options) {
        this.options = options;
        this.url = options.get("url");
        this.tenant = options.getOrDefault("tenant", "faults");
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String[] kv = args[i].replaceFirst("^--", "").split("=", 2);
            options.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        FaultDriver driver = new FaultDriver(options);
        switch (args.length == 0 ? "" : args[0]) {
            case "ingest" -> driver.ingest();
            case "outage" -> driver.outage();
            case "cache" -> driver.cache();
            case "seed" -> driver.seed();
            default -> {
                System.err.println("usage: java FaultDriver.java ingest|outage|cache|seed --url=http://127.0.0.1:PORT ...");
                System.exit(2);
            }
        }
    }

    // --- scenarios ---------------------------------------------------------------------------------

    private void ingest() throws Exception {
        int events = intOption("events", 20000);
        int batch = intOption("batch", 50);
        String run = options.getOrDefault("run", "run");
        ConcurrentLinkedDeque<List<String>> pending = new ConcurrentLinkedDeque<>();
        for (int i = 0; i < events; i += batch) {
            List<String> ids = new ArrayList<>();
            for (int j = i; j < Math.min(events, i + batch); j++) {
                ids.add(run + "-" + j);
            }
            pending.add(ids);
        }
        Set<String> acked = ConcurrentHashMap.newKeySet();
        AtomicLong resent = new AtomicLong();
        AtomicLong replayed = new AtomicLong();
        long deadline = System.nanoTime() + Duration.ofSeconds(intOption("seconds", 180)).toNanos();
        runFault();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < intOption("clients", 4); c++) {
            clients.add(started(() -> {
                while (System.nanoTime() < deadline) {
                    List<String> ids = pending.poll();
                    if (ids == null) {
                        return;
                    }
                    StringBuilder body = new StringBuilder("[");
                    for (String id : ids) {
                        body.append(body.length() > 1 ? "," : "").append(event(id, "user-" + Math.floorMod(id.hashCode(), 200)));
                    }
                    HttpResponse<String> answer = send(post("/v1/feedback", body.append(']').toString()));
                    if (answer != null && answer.statusCode() == 200) {
                        acked.addAll(ids);
                        replayed.addAndGet(count(answer.body(), "\"replayed\":true"));
                    } else {
                        resent.incrementAndGet();
                        pending.addFirst(ids); // unacknowledged: the same events again, a moment later
                        pause(200);
                    }
                }
            }));
        }
        for (Thread client : clients) {
            client.join();
        }
        Files.write(Path.of(options.get("acked")), new ArrayList<>(acked));
        print("planned", events);
        print("acknowledged", acked.size());
        print("batches_resent", resent.get());
        print("events_replayed", replayed.get());
        printStatuses();
    }

    private void outage() throws Exception {
        List<String> users = users();
        String run = options.getOrDefault("run", "run");
        long deadline = System.nanoTime() + Duration.ofSeconds(intOption("seconds", 30)).toNanos();
        AtomicLong next = new AtomicLong();
        runFault();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < intOption("clients", 4); c++) {
            int client = c;
            clients.add(started(() -> {
                for (int i = 0; System.nanoTime() < deadline; i++) {
                    if ((i + client) % 2 == 0) {
                        long n = next.incrementAndGet();
                        send(post("/v1/feedback", event(run + "-o" + n, "outage-" + (n % 50))));
                    } else {
                        send(get("/v1/users/" + users.get(i % users.size()) + "/summary?tenant=" + tenant));
                    }
                    pause(5);
                }
            }));
        }
        for (Thread client : clients) {
            client.join();
        }
        printStatuses();
        print("recovered_after_ms", firstOkAfterRestoreMs.get() < 0 ? -1
                : firstOkAfterRestoreMs.get());
    }

    private void cache() throws Exception {
        List<String> users = users();
        Map<String, String> expectedSummary = new HashMap<>();
        Map<String, String> expectedRanking = new HashMap<>();
        for (String user : users) {
            expectedSummary.put(user, summaryOf(send(get(summaryPath(user)))));
            expectedRanking.put(user, rankingOf(send(post("/v1/score", scoreBody(user)))));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(intOption("seconds", 30)).toNanos();
        AtomicLong mismatches = new AtomicLong();
        List<String> examples = Collections.synchronizedList(new ArrayList<>());
        runFault();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < intOption("clients", 4); c++) {
            int client = c;
            clients.add(started(() -> {
                for (int i = client; System.nanoTime() < deadline; i++) {
                    String user = users.get(i % users.size());
                    boolean summary = i % 2 == 0;
                    HttpResponse<String> answer = send(summary ? get(summaryPath(user)) : post("/v1/score", scoreBody(user)));
                    String got = summary ? summaryOf(answer) : rankingOf(answer);
                    String expected = summary ? expectedSummary.get(user) : expectedRanking.get(user);
                    if (answer != null && answer.statusCode() == 200 && !expected.equals(got)) {
                        mismatches.incrementAndGet();
                        if (examples.size() < 3) {
                            examples.add(user + ": " + got + " instead of " + expected);
                        }
                    }
                    pause(2);
                }
            }));
        }
        for (Thread client : clients) {
            client.join();
        }
        printStatuses();
        print("different_answers", mismatches.get());
        examples.forEach(example -> System.out.println("# " + example));
    }

    /** Gives each of --users users --per preferences and reads their summary once (it is then cached). */
    private void seed() {
        for (String user : users()) {
            StringBuilder body = new StringBuilder("[");
            for (int i = 0; i < intOption("per", 6); i++) {
                body.append(i == 0 ? "" : ",").append(event("seed-" + user + "-" + i, user));
            }
            HttpResponse<String> answer = send(post("/v1/feedback", body.append(']').toString()));
            HttpResponse<String> summary = send(get(summaryPath(user)));
            if (answer == null || answer.statusCode() != 200 || summary == null || summary.statusCode() != 200) {
                System.err.println("seeding " + user + " failed");
                System.exit(1);
            }
        }
        print("seeded_users", users().size());
    }

    // --- faults and phases -----------------------------------------------------------------------

    private final AtomicLong firstOkAfterRestoreMs = new AtomicLong(-1);

    /** Runs the fault command at --fault-at seconds and the repair command at --restore-at, in the background. */
    private void runFault() {
        if (!options.containsKey("fault")) {
            return;
        }
        started(() -> {
            pause((long) (Double.parseDouble(options.getOrDefault("fault-at", "3")) * 1000));
            faultAt = System.nanoTime();
            shell(options.get("fault"));
            if (options.containsKey("restore")) {
                pause((long) (Double.parseDouble(options.getOrDefault("restore-at", "8")) * 1000) - elapsedMs());
                shell(options.get("restore"));
                restoredAt = System.nanoTime();
            }
        });
    }

    private String phase(long at) {
        return at < faultAt ? "before" : at < restoredAt ? "during" : "after";
    }

    private static void shell(String command) {
        try {
            Process process = new ProcessBuilder("bash", "-c", command).inheritIO().start();
            process.waitFor();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("cannot run " + command, e);
        }
    }

    // --- HTTP -----------------------------------------------------------------------------------

    private HttpResponse<String> send(HttpRequest request) {
        long sentAt = System.nanoTime();
        String status;
        HttpResponse<String> answer = null;
        try {
            answer = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            status = String.valueOf(answer.statusCode());
        } catch (IOException e) {
            status = "no-answer";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = "no-answer";
        }
        String phase = phase(sentAt);
        statuses.computeIfAbsent(phase, p -> new ConcurrentHashMap<>()).computeIfAbsent(status, s -> new AtomicLong())
                .incrementAndGet();
        if ("after".equals(phase) && "200".equals(status) && request.method().equals("POST")) {
            firstOkAfterRestoreMs.compareAndSet(-1, (System.nanoTime() - restoredAt) / 1_000_000);
        }
        return answer;
    }

    private HttpRequest post(String path, String json) {
        return authorized(HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json))).build();
    }

    private HttpRequest get(String path) {
        return authorized(HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(30)).GET()).build();
    }

    /** The API key the script made for this tenant (PLUS_API_KEY); data calls need one. */
    private static HttpRequest.Builder authorized(HttpRequest.Builder request) {
        String key = System.getenv("PLUS_API_KEY");
        return key == null || key.isBlank() ? request : request.header("Authorization", "Bearer " + key);
    }

    private String event(String id, String user) {
        boolean dogs = Math.floorMod(user.hashCode(), 2) == 0;
        String dog = "A dog is a loyal friend who loves long walks in the park.";
        String cat = "A cat likes to sleep in a sunny spot by the window all day.";
        return "{\"tenant\":\"" + tenant + "\",\"user\":\"" + user + "\",\"eventId\":\"" + id
                + "\",\"timestamp\":\"2026-11-27T10:00:00Z\",\"preference\":{\"prompt\":\"Tell me about pets.\",\"chosen\":\""
                + (dogs ? dog : cat) + "\",\"rejected\":\"" + (dogs ? cat : dog) + "\"}}";
    }

    private String scoreBody(String user) {
        return "{\"tenant\":\"" + tenant + "\",\"user\":\"" + user + "\",\"prompt\":\"Tell me about pets.\",\"candidates\":["
                + "\"A cat naps in the sun.\",\"A dog fetches the ball.\",\"Fish swim in a bowl.\"]}";
    }

    private String summaryPath(String user) {
        return "/v1/users/" + user + "/summary?tenant=" + tenant;
    }

    private List<String> users() {
        List<String> users = new ArrayList<>();
        for (int i = 0; i < intOption("users", 8); i++) {
            users.add("seeded-" + i);
        }
        return users;
    }

    private static String summaryOf(HttpResponse<String> answer) {
        if (answer == null || answer.statusCode() != 200) {
            return "status " + (answer == null ? "none" : answer.statusCode());
        }
        Matcher text = TEXT.matcher(answer.body());
        Matcher sequence = SEQUENCE.matcher(answer.body());
        return (text.find() ? text.group(1) : "?") + " @" + (sequence.find() ? sequence.group(1) : "?");
    }

    private static String rankingOf(HttpResponse<String> answer) {
        if (answer == null || answer.statusCode() != 200) {
            return "status " + (answer == null ? "none" : answer.statusCode());
        }
        Matcher ranking = RANKING.matcher(answer.body());
        return ranking.find() ? ranking.group(1) : "?";
    }

    // --- small helpers -----------------------------------------------------------------------------

    private void printStatuses() {
        for (String phase : List.of("before", "during", "after")) {
            Map<String, Long> counts = new TreeMap<>();
            statuses.getOrDefault(phase, Map.of()).forEach((status, n) -> counts.put(status, n.get()));
            print("status_" + phase, counts.toString().replace(" ", ""));
        }
    }

    private long elapsedMs() {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private int intOption(String name, int fallback) {
        return Integer.parseInt(options.getOrDefault(name, String.valueOf(fallback)));
    }

    private static long count(String text, String needle) {
        long n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    private static void print(String key, Object value) {
        System.out.println(key + "=" + value);
    }

    private static Thread started(Runnable work) {
        Thread thread = new Thread(work);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void pause(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
