import APICore
import ConsoleModel
import TUIKit

extension ConsoleRuntime {
    /// `n`: loads the roles an invitee can get, then opens the invite form.
    func openInviteForm() {
        guard let inviting = session.directory.memberInviting else { return }
        let scope = session.scope
        guard inviting.canInvite(in: scope) else {
            state.flash = Notice(
                .info, "Select an \(scopeWord) first (1, then Enter): invitations go to an \(scopeWord)")
            return
        }
        if session.readOnly {
            state.flash = Notice(.warning, "Read-only mode: inviting refused, nothing was sent")
            return
        }
        loadRoles({ try await inviting.invitableRoles(in: scope) }) { runtime, roles in
            runtime.state.overlay = .invite(
                InviteForm(scope: scope, roles: roles, multiple: inviting.allowsSeveralRoles))
        }
    }

    /// `e`: loads the roles the member can get, then opens the picker with the member's roles ticked.
    func openRolePicker() {
        guard let editing = session.directory.memberRoleEditing, let member = session.members.snapshot.selectedRow
        else {
            return
        }
        guard editing.canEditRoles(of: member) else {
            state.flash = Notice(
                .info, "The roles of \(TextSanitizer.sanitize(member.email).text) cannot be changed here")
            return
        }
        if session.readOnly {
            state.flash = Notice(.warning, "Read-only mode: changing roles refused, nothing was sent")
            return
        }
        loadRoles({ try await editing.assignableRoles(for: member) }) { runtime, roles in
            runtime.state.overlay = .roles(
                RolePicker(
                    memberID: member.id, memberEmail: member.email, roles: roles, current: member.roles,
                    multiple: editing.allowsSeveralRoles))
        }
    }

    private func loadRoles(
        _ load: @escaping @Sendable () async throws -> [Role],
        then open: @escaping @MainActor @Sendable (ConsoleRuntime, [Role]) -> Void
    ) {
        loadRoles(load, isEmpty: \.isEmpty, then: open)
    }

    /// Reads what a role picker offers, then opens it (unless another overlay opened meanwhile); says so when there
    /// is nothing to offer or the read failed.
    func loadRoles<Value: Sendable>(
        _ load: @escaping @Sendable () async throws -> Value, isEmpty: @escaping @Sendable (Value) -> Bool,
        then open: @escaping @MainActor @Sendable (ConsoleRuntime, Value) -> Void
    ) {
        state.flash = Notice(.info, "Loading roles…")
        effect({ await Self.attempt(load) }) { runtime, result in
            guard runtime.state.overlay == nil else { return }
            switch result {
            case .success(let roles) where isEmpty(roles):
                runtime.state.flash = Notice(.warning, "The provider lists no roles to give")
            case .success(let roles):
                runtime.state.flash = nil
                open(runtime, roles)
            case .failure(let error):
                runtime.state.flash = Notice(
                    .error, "Could not load the roles: \((error as? APIError)?.userMessage ?? "\(error)")")
            }
        }
    }

    func handleInviteKey(_ key: Key, form: InviteForm) {
        var form = form
        switch key {
        case .escape:
            state.overlay = nil
            return
        case .tab, .backTab: form.editingEmail.toggle()
        case .down: if form.editingEmail { form.editingEmail = false } else { form.picker.move(1) }
        case .up: if !form.editingEmail { form.picker.move(-1) }
        case .backspace where form.editingEmail: form.email = String(form.email.dropLast())
        case .character(" ") where !form.editingEmail: form.picker.toggle()
        case .character(let character) where form.editingEmail: form.email.append(character)
        case .character("j"): form.picker.move(1)
        case .character("k"): form.picker.move(-1)
        case .enter:
            guard form.isComplete else {
                state.flash = Notice(
                    .warning, "Enter an email address and pick a role (Tab moves to the roles, Space ticks)")
                break
            }
            let roles = form.picker.chosenRoles
            let email = TextSanitizer.sanitize(form.email).text
            let place =
                form.scope.leaf.map { "\($0.kind.rawValue) \(TextSanitizer.sanitize($0.name).text)" }
                ?? "the organization"
            return confirm(
                ConfirmDialog(
                    title: "Invite member",
                    lines: [
                        "Invite \(email) to \(place)",
                        "with the role\(roles.count == 1 ? "" : "s"): \(roles.map { TextSanitizer.sanitize($0.name).text }.joined(separator: ", ")).",
                        "They get an email; the invitation shows under Sent until they accept.",
                    ],
                    confirmLabel: "Invite",
                    write: ConfirmedWrite("members.invite", target: form.email) {
                        $0.session.invitations.invite(email: form.email, roles: roles, in: form.scope)
                    }, openedAt: now))
        default: break
        }
        state.overlay = .invite(form)
    }

    func handleRolePickerKey(_ key: Key, picker: RolePicker) {
        var picker = picker
        switch key {
        case .escape:
            state.overlay = nil
            return
        case .down, .character("j"): picker.picker.move(1)
        case .up, .character("k"): picker.picker.move(-1)
        case .character(" "): picker.picker.toggle()
        case .character("i"): showPermissions(of: picker.picker)
        case .enter:
            if picker.assignments { return confirmAssignments(picker) }
            if !picker.picker.multiple { picker.picker.toggle() }
            guard !picker.added.isEmpty || !picker.removed.isEmpty else {
                state.overlay = nil
                state.flash = Notice(.info, "No change: the roles are as they were")
                return
            }
            guard !picker.picker.chosen.isEmpty else {
                state.flash = Notice(
                    .warning, "A member needs at least one role (to take every role away, remove them with D)")
                break
            }
            let email = TextSanitizer.sanitize(picker.memberEmail).text
            var lines = ["Change the roles of \(email):"]
            if !picker.added.isEmpty {
                lines.append(
                    "+ add: " + picker.added.map { TextSanitizer.sanitize($0.name).text }.joined(separator: ", "))
            }
            if !picker.removed.isEmpty {
                lines.append(
                    "− remove: " + picker.removed.map { TextSanitizer.sanitize($0.name).text }.joined(separator: ", "))
            }
            return confirm(
                ConfirmDialog(
                    title: "Change roles", lines: lines, confirmLabel: "Change",
                    write: ConfirmedWrite("members.edit", target: picker.memberID) {
                        [roles = picker.picker.chosenRoles] in
                        $0.session.members.setRoles(id: picker.memberID, to: roles)
                    },
                    isDangerous: !picker.removed.isEmpty, openedAt: now))
        default: break
        }
        state.overlay = .roles(picker)
    }
}

extension ConsoleRuntime {
    /// `t` on Members: disable the selected member (or enable a disabled one), confirmed with what it changes.
    func confirmToggleMember() {
        guard let member = session.members.snapshot.selectedRow,
            session.directory.memberToggling?.canToggle(member) == true
        else { return }
        let enabling = member.status != .active
        let who = TextSanitizer.sanitize(member.email.isEmpty ? member.id : member.email).text
        let place = member.scope.leaf.map { TextSanitizer.sanitize($0.name).text } ?? "the organization"
        confirm(
            ConfirmDialog(
                title: enabling ? "Enable member" : "Disable member",
                lines: enabling
                    ? ["Enable \(who) in \(place).", "They can sign in again with the role they had."]
                    : ["Disable \(who) in \(place).", "They cannot sign in until enabled; their role is kept."],
                confirmLabel: enabling ? "Enable" : "Disable",
                write: ConfirmedWrite("members.toggle", target: member.id) {
                    $0.session.members.setEnabled(id: member.id, enabled: enabling)
                },
                isDangerous: !enabling, openedAt: now))
    }
}

extension ConsoleRuntime {
    /// `i` in a role picker: the highlighted role read fresh with its permissions (where the provider reads one
    /// role), in the status line.
    func showPermissions(of choice: RoleChoice) {
        guard choice.roles.indices.contains(choice.cursor),
            let read = session.directory.roleReading?.roles(in: session.members.scope).entry
        else { return }
        let role = choice.roles[choice.cursor]
        effect({ await Self.attempt { try await read(role.id) } }) { runtime, result in
            switch result {
            case .success(let entry):
                let permissions = entry.fields.filter { $0.label == "Permission" }.map(\.value)
                runtime.state.flash = Notice(
                    .info,
                    "\(role.name): "
                        + (permissions.isEmpty ? "no permissions listed" : permissions.joined(separator: "; ")))
            case .failure(let error):
                runtime.state.flash = Notice(
                    .error, "Could not read \(role.name): \((error as? APIError)?.userMessage ?? "\(error)")")
            }
        }
    }
}
