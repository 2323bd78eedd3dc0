package io.conserver.bench;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;

/**
 * Builds realistic vCon documents of a target size for the benchmarks: a call with two parties, a
 * chat transcript of text dialogs, and analyses; large ones carry an inline recording.
 */
public final class VconSamples {
    private VconSamples() {
    }

    public static byte[] ofSize(int targetBytes) {
        Random random = new Random(42);
        StringBuilder dialogs = new StringBuilder();
        StringBuilder analysis = new StringBuilder();
        int recordingBytes = targetBytes > 50_000 ? targetBytes * 3 / 4 * 3 / 4 : 0;
        if (recordingBytes > 0) {
            byte[] audio = new byte[recordingBytes];
            random.nextBytes(audio);
            dialogs.append("{\"type\":\"recording\",\"start\":\"2026-11-20T15:04:05Z\",\"duration\":125.5,")
                    .append("\"parties\":[0,1],\"mediatype\":\"audio/x-wav\",\"filename\":\"call.wav\",\"body\":\"")
                    .append(Base64.getUrlEncoder().withoutPadding().encodeToString(audio))
                    .append("\",\"encoding\":\"base64url\"},");
        }
        int i = 0;
        while (dialogs.length() + analysis.length() + 1200 < targetBytes) {
            dialogs.append("{\"type\":\"text\",\"start\":\"2026-11-20T15:").append(10 + i % 50)
                    .append(":00.250Z\",\"parties\":[").append(i % 2).append(',').append((i + 1) % 2)
                    .append("],\"mediatype\":\"text/plain\",\"body\":\"Message number ").append(i)
                    .append(" about the refund for order ").append(1000 + i)
                    .append(", with some words to make it realistic.\",\"encoding\":\"none\"},");
            if (i % 4 == 0) {
                analysis.append("{\"type\":\"sentiment\",\"dialog\":").append(i).append(",\"vendor\":\"example-ai\",")
                        .append("\"mediatype\":\"application/json\",\"body\":{\"score\":0.75,\"label\":\"positive\"},")
                        .append("\"encoding\":\"json\"},");
            }
            i++;
        }
        String json = "{\"vcon\":\"0.4.0\",\"uuid\":\"019b0a4e-2c1a-8e3f-9dd8-dd37220d739c\","
                + "\"created_at\":\"2026-11-20T15:04:05.123Z\",\"subject\":\"Billing question\","
                + "\"parties\":[{\"tel\":\"+15551234567\",\"name\":\"Alice Caller\",\"validation\":\"none\"},"
                + "{\"tel\":\"+15557654321\",\"mailto\":\"bob@example.com\",\"name\":\"Bob Agent\","
                + "\"validation\":\"employee-id\",\"role\":\"agent\"}],"
                + "\"dialog\":[" + trim(dialogs) + "],\"analysis\":[" + trim(analysis) + "],"
                + "\"attachments\":[{\"purpose\":\"tags\",\"party\":0,\"start\":\"2026-11-20T15:04:05Z\","
                + "\"mediatype\":\"application/json\",\"encoding\":\"json\",\"body\":[\"lang:en\",\"queue:billing\"]}]}";
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static String trim(StringBuilder items) {
        return items.length() == 0 ? "" : items.substring(0, items.length() - 1);
    }
}
