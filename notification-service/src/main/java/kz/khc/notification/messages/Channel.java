package kz.khc.notification.messages;

public enum Channel {
	SMS, EMAIL
}
