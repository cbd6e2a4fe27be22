package dev.llmfleet.observability.alert.rule;

import dev.llmfleet.api.errorbus.Severity;
import dev.llmfleet.api.observability.AlertSeverity;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.boot.convert.DurationStyle;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads an alert rules file. Every problem is collected with the line it is on, so that one pass
 * tells the operator everything that is wrong:
 *
 * <pre>{@code
 * rules:
 *   - name: instance-stale
 *     metric: fleet_observability_instance_stale   # or event: job-failed
 *     match: { target_service: trainer-service }   # optional, metric rules
 *     condition: gt                                # gt | lt | eq | ne
 *     threshold: 0
 *     for: 1m                                      # how long it must hold
 *     severity: critical                           # info | warning | critical
 *     labels: { team: ops }
 *     channels: [slack, email]                     # console always
 * }</pre>
 *
 * Event rules count matching error-bus events in a window ({@code window}, default from the
 * settings) and may narrow them with {@code service} and {@code min-severity}.
 */
public final class AlertRuleParser {

    private static final Set<String> KEYS = Set.of(
            "name",
            "metric",
            "match",
            "event",
            "service",
            "min-severity",
            "window",
            "condition",
            "threshold",
            "for",
            "severity",
            "summary",
            "labels",
            "channels");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.:-]{1,100}");
    private static final Pattern METRIC = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    private final Duration defaultWindow;

    public AlertRuleParser(Duration defaultWindow) {
        this.defaultWindow = defaultWindow;
    }

    /**
     * The rules of {@code yaml}.
     *
     * @param source names the file in error messages
     * @throws AlertRulesException listing every problem, each with its line
     */
    public List<AlertRule> parse(String source, String yaml) {
        List<String> errors = new ArrayList<>();
        List<AlertRule> rules = new ArrayList<>();
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(10);
            root = new Yaml(options).compose(new StringReader(yaml));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
            throw AlertRulesException.of(
                    source, List.of("line %d: not valid YAML: %s".formatted(line, e.getProblem())));
        } catch (YAMLException e) {
            throw AlertRulesException.of(source, List.of("line 1: not valid YAML: " + e.getMessage()));
        }
        if (root == null) {
            throw AlertRulesException.of(source, List.of("line 1: the file is empty; it needs a 'rules' list"));
        }
        if (!(root instanceof MappingNode top)) {
            throw AlertRulesException.of(source, List.of(at(root) + "the file must be a mapping with a 'rules' list"));
        }
        Map<String, Node> topKeys = keys(top, errors);
        topKeys.keySet().stream()
                .filter(k -> !k.equals("rules"))
                .forEach(k -> errors.add(at(topKeys.get(k)) + "unknown key '" + k + "'; the file holds only 'rules'"));
        Node list = topKeys.get("rules");
        if (list == null) {
            errors.add(at(top) + "'rules' is missing");
        } else if (!(list instanceof SequenceNode sequence)) {
            errors.add(at(list) + "'rules' must be a list");
        } else {
            Set<String> names = new HashSet<>();
            for (Node item : sequence.getValue()) {
                AlertRule rule = rule(item, errors);
                String name = nameOf(item);
                if (name != null && !names.add(name)) {
                    errors.add(at(item) + "rule '" + name + "' is defined twice");
                } else if (rule != null) {
                    rules.add(rule);
                }
            }
        }
        if (!errors.isEmpty()) {
            throw AlertRulesException.of(source, errors);
        }
        return List.copyOf(rules);
    }

    private AlertRule rule(Node node, List<String> errors) {
        if (!(node instanceof MappingNode mapping)) {
            errors.add(at(node) + "a rule must be a mapping");
            return null;
        }
        int before = errors.size();
        Map<String, Node> keys = keys(mapping, errors);
        String name = scalar(keys, "name", errors, mapping, true);
        String where = "rule '" + (name == null ? "?" : name) + "': ";
        keys.keySet().stream()
                .filter(k -> !KEYS.contains(k))
                .forEach(k -> errors.add(at(keys.get(k)) + where + "unknown key '" + k + "'"));
        if (name != null && !NAME.matcher(name).matches()) {
            errors.add(at(keys.get("name")) + where + "the name may hold letters, digits and . _ : - only");
        }
        String metric = scalar(keys, "metric", errors, mapping, false);
        String event = scalar(keys, "event", errors, mapping, false);
        if ((metric == null) == (event == null)) {
            errors.add(at(mapping) + where + "needs exactly one of 'metric' or 'event'");
        }
        if (metric != null && !METRIC.matcher(metric).matches()) {
            errors.add(at(keys.get("metric")) + where + "'" + metric + "' is not a Prometheus metric name");
        }
        if (metric != null) {
            for (String eventOnly : List.of("service", "min-severity", "window")) {
                if (keys.containsKey(eventOnly)) {
                    errors.add(at(keys.get(eventOnly)) + where + "'" + eventOnly + "' applies to event rules only");
                }
            }
        }
        if (event != null && keys.containsKey("match")) {
            errors.add(at(keys.get("match")) + where + "'match' applies to metric rules only");
        }
        Condition condition = enumValue(keys, "condition", Condition.class, where, errors, mapping, null);
        Double threshold = number(keys, "threshold", where, errors, mapping);
        Duration holdFor = duration(keys, "for", where, errors, Duration.ZERO);
        Duration window = duration(keys, "window", where, errors, defaultWindow);
        if (window != null && (window.isZero() || window.isNegative())) {
            errors.add(at(keys.get("window")) + where + "'window' must be longer than zero");
        }
        AlertSeverity severity =
                enumValue(keys, "severity", AlertSeverity.class, where, errors, mapping, AlertSeverity.WARNING);
        Severity minSeverity = enumValue(keys, "min-severity", Severity.class, where, errors, mapping, null);
        Map<String, String> labels = stringMap(keys.get("labels"), where + "labels", errors);
        Map<String, String> match = stringMap(keys.get("match"), where + "match", errors);
        Set<String> channels = channels(keys.get("channels"), where, errors);
        String service = scalar(keys, "service", errors, mapping, false);
        String summary = scalar(keys, "summary", errors, mapping, false);
        if (errors.size() > before) {
            return null;
        }
        return new AlertRule(
                name,
                metric,
                match,
                event,
                service,
                minSeverity,
                window,
                condition,
                threshold,
                holdFor,
                severity,
                summary,
                labels,
                channels,
                line(mapping));
    }

    private static String nameOf(Node item) {
        if (item instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key
                        && key.getValue().equals("name")
                        && tuple.getValueNode() instanceof ScalarNode value) {
                    return value.getValue().trim();
                }
            }
        }
        return null;
    }

    private static Map<String, Node> keys(MappingNode mapping, List<String> errors) {
        Map<String, Node> keys = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key) {
                keys.put(key.getValue(), tuple.getValueNode());
            } else {
                errors.add(at(tuple.getKeyNode()) + "keys must be plain words");
            }
        }
        return keys;
    }

    private static String scalar(
            Map<String, Node> keys, String key, List<String> errors, Node parent, boolean required) {
        Node node = keys.get(key);
        if (node == null) {
            if (required) {
                errors.add(at(parent) + "a rule needs '" + key + "'");
            }
            return null;
        }
        if (!(node instanceof ScalarNode scalar) || scalar.getValue().isBlank()) {
            errors.add(at(node) + "'" + key + "' must be a single non-empty value");
            return null;
        }
        return scalar.getValue().trim();
    }

    private static <E extends Enum<E>> E enumValue(
            Map<String, Node> keys,
            String key,
            Class<E> type,
            String where,
            List<String> errors,
            Node parent,
            E fallback) {
        String text = scalar(keys, key, errors, parent, fallback == null && key.equals("condition"));
        if (text == null) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            String allowed = Arrays.stream(type.getEnumConstants())
                    .map(c -> c.name().toLowerCase(Locale.ROOT))
                    .reduce((a, b) -> a + ", " + b)
                    .orElse("");
            errors.add(at(keys.get(key)) + where + "'" + key + "' must be one of " + allowed + ", not '" + text + "'");
            return null;
        }
    }

    private static Double number(Map<String, Node> keys, String key, String where, List<String> errors, Node parent) {
        String text = scalar(keys, key, errors, parent, true);
        if (text == null) {
            return null;
        }
        try {
            double value = Double.parseDouble(text);
            if (Double.isNaN(value)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            errors.add(at(keys.get(key)) + where + "'" + key + "' must be a number, not '" + text + "'");
            return null;
        }
    }

    private static Duration duration(
            Map<String, Node> keys, String key, String where, List<String> errors, Duration fallback) {
        Node node = keys.get(key);
        if (node == null) {
            return fallback;
        }
        String text = node instanceof ScalarNode scalar ? scalar.getValue().trim() : "";
        try {
            Duration duration = DurationStyle.detectAndParse(text);
            if (duration.isNegative()) {
                throw new IllegalArgumentException("negative");
            }
            return duration;
        } catch (IllegalArgumentException e) {
            errors.add(at(node) + where + "'" + key + "' must be a duration like 30s, 5m or 1h, not '" + text + "'");
            return null;
        }
    }

    private static Map<String, String> stringMap(Node node, String where, List<String> errors) {
        if (node == null) {
            return Map.of();
        }
        if (!(node instanceof MappingNode mapping)) {
            errors.add(at(node) + where + " must be a mapping of names to values");
            return Map.of();
        }
        Map<String, String> values = new HashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key
                    && tuple.getValueNode() instanceof ScalarNode value
                    && LABEL.matcher(key.getValue()).matches()) {
                values.put(key.getValue(), value.getValue());
            } else {
                errors.add(at(tuple.getKeyNode()) + where + ": each entry must be label_name: value");
            }
        }
        return values;
    }

    private static Set<String> channels(Node node, String where, List<String> errors) {
        Set<String> channels = new LinkedHashSet<>();
        channels.add("console");
        if (node == null) {
            return channels;
        }
        if (!(node instanceof SequenceNode sequence)) {
            errors.add(at(node) + where + "'channels' must be a list, e.g. [slack, email]");
            return channels;
        }
        for (Node item : sequence.getValue()) {
            String channel =
                    item instanceof ScalarNode scalar ? scalar.getValue().trim() : "";
            if (AlertRule.KNOWN_CHANNELS.contains(channel)) {
                channels.add(channel);
            } else {
                errors.add(at(item) + where + "unknown channel '" + channel + "'; known: "
                        + String.join(", ", AlertRule.KNOWN_CHANNELS));
            }
        }
        return channels;
    }

    private static int line(Node node) {
        return node.getStartMark() == null ? 1 : node.getStartMark().getLine() + 1;
    }

    private static String at(Node node) {
        return "line " + line(node) + ": ";
    }
}
