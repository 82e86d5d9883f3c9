import APICore
import ConsoleModel
import TUIKit

extension ConsoleRuntime {
    /// `A`: reads the organization's roles (custom ones too) and the member's assignments, then opens the picker with
    /// the assigned ones ticked; Enter confirms what is added and removed.
    func openRoleAssignments() {
        guard let assignments = session.directory.memberRoleAssigning,
            let member = session.members.snapshot.selectedRow
        else { return }
        guard assignments.canAssignRoles(to: member) else {
            state.flash = Notice(
                .info, "Role assignments belong to organization members: step out of the project first")
            return
        }
        if session.readOnly {
            state.flash = Notice(.warning, "Read-only mode: assigning roles refused, nothing was sent")
            return
        }
        loadRoles(
            {
                async let roles = assignments.assignableRoles()
                async let assigned = assignments.assignedRoles(of: member)
                return try await (roles: roles, assigned: assigned)
            },
            isEmpty: { $0.roles.isEmpty && $0.assigned.isEmpty }
        ) { runtime, found in
            // An assigned role the catalogue no longer lists still shows, so it can be taken back.
            let all = found.roles + found.assigned.filter { role in !found.roles.contains { $0.id == role.id } }
            var picker = RolePicker(
                memberID: member.id, memberEmail: member.email, roles: all, current: found.assigned, multiple: true)
            picker.assignments = true
            runtime.state.overlay = .roles(picker)
        }
    }

    /// Enter in the assignments picker: the confirmation of what is assigned and unassigned.
    func confirmAssignments(_ picker: RolePicker) {
        guard !picker.added.isEmpty || !picker.removed.isEmpty else {
            state.overlay = nil
            state.flash = Notice(.info, "No change: the assignments are as they were")
            return
        }
        let email = TextSanitizer.sanitize(picker.memberEmail).text
        var lines = ["Change the role assignments of \(email):"]
        if !picker.added.isEmpty {
            lines.append(
                "+ assign: " + picker.added.map { TextSanitizer.sanitize($0.name).text }.joined(separator: ", "))
        }
        if !picker.removed.isEmpty {
            lines.append(
                "− unassign: " + picker.removed.map { TextSanitizer.sanitize($0.name).text }.joined(separator: ", "))
        }
        lines.append("Each is its own request; a failure stops the rest.")
        confirm(
            ConfirmDialog(
                title: "Role assignments", lines: lines, confirmLabel: "Apply",
                write: ConfirmedWrite("members.assignRoles", target: picker.memberID) {
                    $0.session.members.changeAssignments(
                        id: picker.memberID, assign: picker.added, unassign: picker.removed)
                },
                isDangerous: !picker.removed.isEmpty, openedAt: now))
    }
}
