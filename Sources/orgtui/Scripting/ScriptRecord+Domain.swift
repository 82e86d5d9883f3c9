import APICore
import Foundation

/// The documented, provider-neutral fields of each kind of record (README, "JSON fields").
extension ScriptRecord {
    static let accountColumns = ["id", "name", "kind", "status"]
    static let memberColumns = ["id", "email", "name", "status", "roles", "two_factor"]
    static let tokenColumns = ["id", "name", "kind", "status", "expires_on", "last_used_on"]
    static let invitationColumns = ["id", "account_name", "invitee_email", "roles", "status", "expires_on"]
    static let auditColumns = ["when", "actor", "action", "resource", "result"]
    static let roleColumns = ["id", "name", "description"]

    init(_ account: Account, raw: JSONValue?) {
        self.init(
            [
                ("id", .text(account.id)), ("name", .text(account.name)), ("kind", .text(account.kind)),
                ("scope_kind", .text(account.scopeKind?.rawValue)), ("status", .text(account.status)),
                ("created_on", .date(account.createdOn)), ("enforces_two_factor", .flag(account.enforcesTwoFactor)),
            ], raw: raw)
    }

    init(_ member: Member, raw: JSONValue?) {
        self.init(
            [
                ("id", .text(member.id)), ("email", .text(member.email.isEmpty ? nil : member.email)),
                ("name", .text(member.name)), ("status", .text(member.status.label)),
                ("roles", .list(member.roles.map(\.name))), ("role_ids", .list(member.roles.map(\.id))),
                ("two_factor", .flag(member.twoFactorEnabled)), ("scope", .text(member.scope.leaf?.id)),
            ], raw: raw)
    }

    init(_ token: Token, raw: JSONValue?) {
        self.init(
            [
                ("id", .text(token.id)), ("name", .text(token.name)), ("kind", .text(token.kind.rawValue)),
                ("status", .text(token.status.label)), ("owner", .text(token.owner.leaf?.id)),
                ("owner_label", .text(token.ownerLabel)), ("description", .text(token.description)),
                ("redacted_value", .text(token.redactedValue)),
                ("issued_on", .date(token.issuedOn)), ("modified_on", .date(token.modifiedOn)),
                ("last_used_on", .date(token.lastUsedOn)), ("expires_on", .date(token.expiresOn)),
                ("permission_groups", .list(token.policies.flatMap(\.permissionGroups))),
                ("allowed_ip_ranges", .list(token.allowedIPRanges)),
            ], raw: raw)
    }

    init(_ invitation: Invitation, raw: JSONValue?) {
        self.init(
            [
                ("id", .text(invitation.id)),
                ("direction", .text(invitation.direction == .received ? "received" : "sent")),
                ("account_id", .text(invitation.accountID)), ("account_name", .text(invitation.accountName)),
                ("invitee_email", .text(invitation.inviteeEmail)), ("invited_by", .text(invitation.invitedBy)),
                ("roles", .list(invitation.roles)), ("status", .text(invitation.status.label)),
                ("invited_on", .date(invitation.invitedOn)), ("expires_on", .date(invitation.expiresOn)),
            ], raw: raw)
    }

    init(_ entry: AuditEntry, raw: JSONValue?) {
        self.init(
            [
                ("id", .text(entry.id)), ("when", .text(entry.when.map(ScriptRecord.timestamp) ?? entry.whenText)),
                ("actor", .text(entry.actor)), ("action", .text(entry.action)), ("resource", .text(entry.resource)),
                ("result", .text(entry.resultLabel)),
            ], raw: raw)
    }

    init(_ role: Role, raw: JSONValue?) {
        self.init(
            [
                ("id", .text(role.id)), ("name", .text(role.name)), ("description", .text(role.description)),
                ("permissions", .list(role.permissions)),
            ], raw: raw)
    }

    /// A row of a provider's read-only list: its id, date, and each column under its title in snake case.
    init(_ entry: LedgerEntry, columns: [String], raw: JSONValue?) {
        var fields: [(String, Value)] = [("id", .text(entry.id))]
        for (index, title) in columns.enumerated() where index < entry.cells.count {
            let name = Self.fieldName(title)
            guard name != "id" else { continue }
            fields.append((name, .text(entry.cells[index])))
        }
        if !columns.map(Self.fieldName).contains("date") { fields.append(("date", .date(entry.date))) }
        self.init(fields, raw: raw)
    }

    init(_ profile: UserProfile, fields extra: [RecordField], raw: JSONValue?) {
        self.init(
            [
                ("id", .text(profile.id)), ("email", .text(profile.email)), ("name", .text(profile.name)),
                ("two_factor", .flag(profile.twoFactorEnabled)), ("suspended", .flag(profile.suspended)),
            ], raw: raw)
        append(extra)
    }

    /// Adds a detail view's fields the record does not have yet, under their labels in snake case; a label that
    /// repeats (one line per organization, per permission) becomes one list field.
    mutating func append(_ extra: [RecordField]) {
        let known = Set(fields.map(\.name))
        var order: [String] = []
        var values: [String: [String]] = [:]
        for field in extra where !known.contains(Self.fieldName(field.label)) {
            let name = Self.fieldName(field.label)
            if values[name] == nil { order.append(name) }
            values[name, default: []].append(field.value)
        }
        for name in order {
            let items = values[name] ?? []
            fields.append((name: name, value: items.count == 1 ? .text(items[0]) : .list(items)))
        }
    }

    init(_ connection: SSOConnection, raw: JSONValue?) {
        self.init(
            [
                ("id", .text(connection.id)), ("issuer", .text(connection.issuer)),
                ("client_id", .text(connection.clientID)), ("client_secret_set", .flag(connection.clientSecretIsSet)),
                ("authorization_endpoint", .text(connection.authorizationEndpoint)),
                ("token_endpoint", .text(connection.tokenEndpoint)),
                ("userinfo_endpoint", .text(connection.userinfoEndpoint)), ("scopes", .list(connection.scopes)),
            ], raw: raw)
    }

    /// "Next billing" → "next_billing".
    static func fieldName(_ title: String) -> String {
        let words = title.lowercased().split { !$0.isLetter && !$0.isNumber }
        return words.joined(separator: "_")
    }
}
