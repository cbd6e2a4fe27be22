package dev.llmfleet.api.errorbus;

import java.util.List;

/**
 * One page of a query over stored events, newest first.
 *
 * @param events the events of this page
 * @param page the page number, from 0
 * @param size the page size asked for
 * @param totalElements how many events match in all
 */
public record EventPage(List<FleetEvent> events, int page, int size, long totalElements) {}
