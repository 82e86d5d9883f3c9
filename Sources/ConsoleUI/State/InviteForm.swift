import APICore

/// The invite form: an email and the roles to give, picked from the provider's roles.
public struct InviteForm: Sendable, Hashable {
    /// Where the invitation goes.
    public var scope: Scope
    public var email = ""
    public var picker: RoleChoice
    /// Whether the email field (rather than the role list) has the focus.
    public var editingEmail = true

    public init(scope: Scope, roles: [Role], multiple: Bool) {
        self.scope = scope
        picker = RoleChoice(roles: roles, chosen: [], multiple: multiple)
        // The least privileged role is the safe default of a single choice.
        if !multiple, let least = roles.min(by: { $0.tier < $1.tier }), let index = roles.firstIndex(of: least) {
            picker.chosen = [least.id]
            picker.cursor = index
        }
    }

    /// Whether the form can be sent: a plausible email and at least one role.
    public var isComplete: Bool {
        let parts = email.split(separator: "@")
        return parts.count == 2 && parts[1].contains(".") && !picker.chosen.isEmpty
    }
}

/// Changing a member's roles: the roles they hold now and the ones picked.
public struct RolePicker: Sendable, Hashable {
    public var memberID: String
    public var memberEmail: String
    public var original: Set<String>
    public var picker: RoleChoice
    /// The member's role assignments (added and removed one by one) rather than the roles they are given.
    public var assignments = false

    public init(memberID: String, memberEmail: String, roles: [Role], current: [Role], multiple: Bool) {
        self.memberID = memberID
        self.memberEmail = memberEmail
        let ids = Set(current.map(\.id))
        // A role the member holds is matched by id, or by name where the provider names roles only by name.
        let held = Set(roles.filter { ids.contains($0.id) || current.map(\.name).contains($0.name) }.map(\.id))
        original = held
        picker = RoleChoice(roles: roles, chosen: held, multiple: multiple)
        picker.cursor = roles.firstIndex { held.contains($0.id) } ?? 0
    }

    /// Roles picked that the member does not hold.
    public var added: [Role] { picker.roles.filter { picker.chosen.contains($0.id) && !original.contains($0.id) } }
    /// Roles the member holds that are no longer picked.
    public var removed: [Role] { picker.roles.filter { !picker.chosen.contains($0.id) && original.contains($0.id) } }
}

/// A list of roles with a cursor and the chosen ones: one (a radio list) or several (check boxes).
public struct RoleChoice: Sendable, Hashable {
    public var roles: [Role]
    public var chosen: Set<String>
    public var multiple: Bool
    public var cursor = 0

    /// Moves the cursor by `delta`, within the list.
    public mutating func move(_ delta: Int) {
        guard !roles.isEmpty else { return }
        cursor = min(max(cursor + delta, 0), roles.count - 1)
        // A single choice follows the cursor, like a radio list.
        if !multiple { chosen = [roles[cursor].id] }
    }

    /// Ticks or unticks the role under the cursor (a single choice replaces the previous one).
    public mutating func toggle() {
        guard roles.indices.contains(cursor) else { return }
        let id = roles[cursor].id
        if multiple {
            if chosen.contains(id) { chosen.remove(id) } else { chosen.insert(id) }
        } else {
            chosen = [id]
        }
    }

    /// The chosen roles in list order.
    public var chosenRoles: [Role] { roles.filter { chosen.contains($0.id) } }
}
