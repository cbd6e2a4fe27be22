package dev.llmfleet.starter.gpu;

import dev.llmfleet.api.scheduler.DeviceInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Reads the output of {@code nvidia-smi --query-gpu=index,uuid,name,memory.total,memory.free,
 * utilization.gpu,temperature.gpu --format=csv,noheader,nounits}: one line per GPU, fields
 * separated by {@code ", "}, memory in MiB. A field the card does not support reads
 * {@code [N/A]} or {@code [Not Supported]} and becomes null; a line that cannot be read is
 * skipped (and logged) rather than failing the whole report.
 */
public final class NvidiaSmiParser {

    /** The fields asked for, in order. */
    public static final String QUERY = "index,uuid,name,memory.total,memory.free,utilization.gpu,temperature.gpu";

    private static final Log log = LogFactory.getLog(NvidiaSmiParser.class);
    private static final int FIELDS = 7;

    private NvidiaSmiParser() {}

    public static List<DeviceInfo> parse(String output) {
        List<DeviceInfo> devices = new ArrayList<>();
        for (String line : output.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                devices.add(parseLine(line));
            } catch (IllegalArgumentException e) {
                log.warn("Skipping an nvidia-smi line that cannot be read (" + e.getMessage() + "): " + line);
            }
        }
        return devices;
    }

    private static DeviceInfo parseLine(String line) {
        String[] fields = splitFields(line);
        Long total = number(fields[3]);
        Long free = number(fields[4]);
        Long index = number(fields[0]);
        if (index == null || total == null || free == null || fields[1].isEmpty()) {
            throw new IllegalArgumentException("index, uuid and memory are required");
        }
        Long utilization = number(fields[5]);
        Long temperature = number(fields[6]);
        return new DeviceInfo(
                index.intValue(),
                fields[1],
                fields[2],
                total,
                Math.min(free, total),
                utilization == null ? null : (int) Math.clamp(utilization, 0, 100),
                temperature == null ? null : temperature.intValue());
    }

    /** Splits on commas; a name with a comma in it (none known, but possible) is joined back. */
    private static String[] splitFields(String line) {
        String[] raw = line.split(",", -1);
        if (raw.length < FIELDS) {
            throw new IllegalArgumentException("expected " + FIELDS + " fields, got " + raw.length);
        }
        int extra = raw.length - FIELDS;
        String[] fields = new String[FIELDS];
        fields[0] = raw[0].strip();
        fields[1] = raw[1].strip();
        fields[2] = String.join(",", Arrays.copyOfRange(raw, 2, 3 + extra)).strip();
        for (int i = 3; i < FIELDS; i++) {
            fields[i] = raw[i + extra].strip();
        }
        return fields;
    }

    private static Long number(String field) {
        if (field.isEmpty() || field.startsWith("[")) {
            return null;
        }
        try {
            return Math.round(Double.parseDouble(field));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number: " + field, e);
        }
    }
}
