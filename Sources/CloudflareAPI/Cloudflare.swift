/// Namespace of the Cloudflare v4 wire models (User and Accounts APIs), exactly as on the wire.
import APICore

public enum Cloudflare {}
