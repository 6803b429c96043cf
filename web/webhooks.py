"""Webhook delivery from the durable queue (webhook_deliveries): each due row is POSTed with an
HMAC-SHA256 signature of the body, retried with growing delays until delivered or out of
attempts. A receiver that is down gets its events when it is back; a server restart loses
nothing (the rows are the queue)."""
from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import ipaddress
import json
import logging
import socket
import threading

import httpx
from sqlalchemy import select

from stores.base import utcnow
from stores.db import Store
from stores.review_schema import Webhook, WebhookDelivery

log = logging.getLogger("vanthu.webhooks")
SIGNATURE_HEADER = "X-Vanthu-Signature"     # "sha256=<hex of HMAC-SHA256(secret, body)>"
EVENT_HEADER = "X-Vanthu-Event"
DELIVERY_HEADER = "X-Vanthu-Delivery"
RETRY_DELAYS_S = (5, 30, 120, 600, 1800, 3600, 3600, 3600)   # after attempt 1, 2, …; then failed
TIMEOUT_S = 10.0
BATCH = 20




class TargetRefused(ValueError):
    """A webhook URL that reaches an address inside this machine or its network (an SSRF probe)."""


def _allowed(host: str, address, allow: str) -> bool:
    for entry in filter(None, (a.strip() for a in allow.split(","))):
        if entry.lower() == host.lower():
            return True
        try:
            if address in ipaddress.ip_network(entry, strict=False):
                return True
        except ValueError:
            continue
    return False


def check_target(url: str, allow: str) -> None:
    """Refuse a URL whose host resolves to a loopback, private, link-local, multicast, reserved or
    unspecified address ('http://169.254.169.254/', 'http://127.0.0.1:5432/', 'http://[::1]:22/',
    'http://0x7f000001/' all do), unless VANTHU_WEBHOOK_ALLOW names the host or its network. Every
    address the name resolves to is checked; run at subscription and again before each delivery,
    since a name can resolve elsewhere later."""
    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL as exc:
        raise TargetRefused(f"not a URL: {exc}") from None
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise TargetRefused("a webhook is an http(s) URL with a host")
    try:
        infos = socket.getaddrinfo(parsed.host, parsed.port or (443 if parsed.scheme == "https" else 80),
                                   proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as exc:
        raise TargetRefused(f"{parsed.host} does not resolve: {exc}") from None
    for *_, sockaddr in infos:
        address = ipaddress.ip_address(sockaddr[0].split("%", 1)[0])
        if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
            address = address.ipv4_mapped
        inside = (address.is_loopback or address.is_private or address.is_link_local or address.is_multicast
                  or address.is_reserved or address.is_unspecified)
        if inside and not _allowed(parsed.host, address, allow):
            raise TargetRefused(f"{parsed.host} resolves to {address}, an address inside this machine or its network "
                                "(allow it with VANTHU_WEBHOOK_ALLOW)")


def sign(secret: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def deliver_due(store: Store, client: httpx.Client | None = None, retry_delays=RETRY_DELAYS_S, allow: str = "") -> int:
    """Send every due delivery once; returns how many were delivered. allow: VANTHU_WEBHOOK_ALLOW."""
    with store.sessions() as s:
        due = list(s.execute(select(WebhookDelivery.id).where(WebhookDelivery.status == "pending",
                                                              WebhookDelivery.next_attempt_at <= utcnow())
                             .order_by(WebhookDelivery.id).limit(BATCH)).scalars())
    own = client is None
    client = client or httpx.Client(timeout=TIMEOUT_S, follow_redirects=False)
    sent = 0
    try:
        for delivery_id in due:
            sent += _deliver(store, client, delivery_id, retry_delays, allow)
    finally:
        if own:
            client.close()
    return sent


def _deliver(store: Store, client: httpx.Client, delivery_id: int, retry_delays, allow: str) -> int:
    with store.sessions() as s:
        d = s.get(WebhookDelivery, delivery_id)
        hook = s.get(Webhook, d.webhook_id)
        body = json.dumps(d.payload, ensure_ascii=False, sort_keys=True).encode()
        url, secret, event = hook.url, hook.secret, d.event
    error = None
    try:
        check_target(url, allow)
        r = client.post(url, content=body, headers={
            "Content-Type": "application/json", SIGNATURE_HEADER: sign(secret, body), EVENT_HEADER: event,
            DELIVERY_HEADER: str(delivery_id)})
        if not 200 <= r.status_code < 300:
            error = f"HTTP {r.status_code}"
    except TargetRefused as exc:
        error = f"target_refused: {exc}"
    except httpx.HTTPError as exc:
        error = f"{type(exc).__name__}: {exc}"
    with store.sessions.begin() as s:
        d = s.get(WebhookDelivery, delivery_id)
        d.attempts += 1
        if error is None:
            d.status, d.delivered_at, d.last_error = "delivered", utcnow(), None
            return 1
        d.last_error = error[:2000]
        if d.attempts > len(retry_delays):
            d.status = "failed"
        else:
            d.next_attempt_at = utcnow() + dt.timedelta(seconds=retry_delays[d.attempts - 1])
    log.warning("webhook delivery %s to %s failed: %s", delivery_id, url, error)
    return 0


class DeliveryLoop(threading.Thread):
    """Runs beside the web server: looks for due deliveries every `interval` seconds."""

    def __init__(self, store: Store, allow: str = "", interval: float = 2.0):
        super().__init__(name="webhook-delivery", daemon=True)
        self.store, self.allow, self.interval = store, allow, interval
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.is_set():
            try:
                deliver_due(self.store, allow=self.allow)
            except Exception:  # the loop must outlive a database hiccup
                log.exception("webhook delivery pass failed")
            self.stopped.wait(self.interval)

    def stop(self) -> None:
        self.stopped.set()
