/// Namespace of the Keycard Management API wire models (organizations, invitations, service accounts, SSO),
/// exactly as on the wire (see shared/api/keycard.md and the `keycardai-api` 0.18.0 SDK).
import APICore

public enum Keycard {}
