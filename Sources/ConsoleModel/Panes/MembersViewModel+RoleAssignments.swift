import APICore

extension MembersViewModel {
    /// Assigns and unassigns organization roles of a member (after the UI's confirmation of what is added and
    /// removed): one write per role through the runner, in order, stopping at the first that does not end done.
    @discardableResult
    public func changeAssignments(id: String, assign: [Role], unassign: [Role]) -> Task<Void, Never> {
        let specs =
            assign.compactMap { assignWrite(id: id, role: $0, assigning: true) }
            + unassign.compactMap { assignWrite(id: id, role: $0, assigning: false) }
        return Task {
            for spec in specs {
                guard case .done = await context.writes.run(spec).outcome else { return }
            }
        }
    }

    /// `members.assignRole` / `members.unassignRole`: one assignment, re-read from the server when no answer came.
    func assignWrite(id: String, role: Role, assigning: Bool) -> WriteSpec<Void>? {
        guard let assignments = context.directory.memberRoleAssigning, let member = list.row(id: id) else { return nil }
        let email = member.email
        let verb = assigning ? "assigning" : "unassigning"
        let messages = WriteMessages<Void>(
            sending: "\(verb.capitalized) \(role.name) \(assigning ? "to" : "from") \(email)…",
            done: { "\(assigning ? "Assigned" : "Unassigned") \(role.name) \(assigning ? "to" : "from") \(email)" },
            refused: { "Could not \(assigning ? "assign" : "unassign") \(role.name): \($0)" },
            unknown: { finding in
                "No answer when \(verb) \(role.name); the server now shows: \(finding.shown ?? "unknown (could not re-read)"). Nothing was re-sent."
            })
        var spec = WriteSpec(
            assigning ? "members.assignRole" : "members.unassignRole", target: "\(role.name) → \(email)",
            activity: "\(verb) a role", messages: messages
        ) {
            if assigning {
                try await assignments.assign(role, to: member)
            } else {
                try await assignments.unassign(role, from: member)
            }
        }
        spec.reread = {
            guard let now = try? await assignments.assignedRoles(of: member) else { return RereadFinding() }
            let held = now.contains { $0.id == role.id }
            return RereadFinding(
                shown: now.isEmpty ? "no assigned roles" : now.map(\.name).joined(separator: ", "),
                tookEffect: held == assigning)
        }
        spec.targetID = id
        return spec
    }
}
