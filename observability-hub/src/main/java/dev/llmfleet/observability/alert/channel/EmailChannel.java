package dev.llmfleet.observability.alert.channel;

import dev.llmfleet.api.observability.AlertNotification;
import dev.llmfleet.api.observability.AlertView;
import java.util.List;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/** Sends a plain-text e-mail through Spring Mail (on when {@code spring.mail.host} and recipients are set). */
class EmailChannel implements NotificationChannel {

    private final JavaMailSender mail;
    private final String from;
    private final List<String> to;

    EmailChannel(JavaMailSender mail, String from, List<String> to) {
        this.mail = mail;
        this.from = from;
        this.to = List.copyOf(to);
    }

    @Override
    public String name() {
        return "email";
    }

    @Override
    public void send(AlertNotification notification) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to.toArray(String[]::new));
        message.setSubject("LLM Fleet " + notification.title());
        StringBuilder body = new StringBuilder(notification.title()).append("\n\n");
        for (AlertView alert : notification.alerts()) {
            body.append("- ").append(Messages.line(alert)).append('\n');
        }
        message.setText(body.toString());
        mail.send(message);
    }
}
