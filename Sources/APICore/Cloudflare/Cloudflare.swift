/// Namespace of the Cloudflare v4 wire models (User and Accounts APIs), exactly as on the wire.
public enum Cloudflare {}
