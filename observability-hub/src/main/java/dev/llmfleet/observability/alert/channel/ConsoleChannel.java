package dev.llmfleet.observability.alert.channel;

import dev.llmfleet.api.observability.AlertNotification;
import dev.llmfleet.api.observability.AlertView;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/** Writes every notification to the hub's log; always on. */
class ConsoleChannel implements NotificationChannel {

    private static final Log log = LogFactory.getLog("fleet.alerts");

    @Override
    public String name() {
        return "console";
    }

    @Override
    public void send(AlertNotification notification) {
        StringBuilder text = new StringBuilder(notification.title());
        for (AlertView alert : notification.alerts()) {
            text.append("\n  ").append(Messages.line(alert));
        }
        if (notification.firing()) {
            log.warn(text);
        } else {
            log.info(text);
        }
    }
}
