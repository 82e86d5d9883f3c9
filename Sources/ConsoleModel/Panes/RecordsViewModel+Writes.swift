import APICore

extension RecordsViewModel {
    /// Applies `changes` to the user's profile (after the UI's confirmation); on an unknown outcome re-reads it.
    @discardableResult
    public func editUser(_ changes: [String: FieldChange]) -> Task<Void, Never> {
        context.writes.start(editUserWrite(changes))
    }

    /// Leaves a legacy organization (after the UI's typed-name confirmation).
    @discardableResult
    public func leaveOrganization(id: String) -> Task<Void, Never> {
        context.writes.start(list.row(id: id).flatMap(leaveWrite))
    }

    /// `user.edit`: the profile (and the header) show the server's answer, or what a re-read shows.
    public func editUserWrite(_ changes: [String: FieldChange]) -> WriteSpec<UserDetails>? {
        guard let editing = context.directory.userProfileEditing else { return nil }
        let names = changes.keys.sorted().joined(separator: ", ")
        let messages = WriteMessages<UserDetails>(
            sending: "Saving your profile (\(names))…",
            done: { _ in "Saved your profile: \(names)" },
            refused: { "Could not save your profile: \($0)" },
            unknown: {
                "No answer after saving your profile; the server now shows: \($0.shownOrUnread). Nothing was re-sent."
            })
        var spec = WriteSpec("user.edit", target: names, activity: "editing your profile", messages: messages) {
            try await editing.editUser(changes)
        }
        spec.apply = { [weak self] in self?.setUser($0) }
        spec.reread = { [weak self] in
            guard let current = try? await editing.userDetails() else { return RereadFinding() }
            self?.setUser(current)
            let shown = current.editable.filter { changes[$0.id] != nil }
                .map { "\($0.label.lowercased()) \($0.value.map { "'\($0)'" } ?? "empty")" }
                .joined(separator: ", ")
            return RereadFinding(shown: shown)
        }
        return spec
    }

    /// `organizations.leave`: the row goes, and the accounts are read again (the user's memberships changed).
    public func leaveWrite(_ row: RecordRow) -> WriteSpec<Void>? {
        guard let leaving = context.directory.organizationLeaving else { return nil }
        let id = row.id
        let name = row.cells.first ?? id
        let list = list
        let messages = WriteMessages<Void>(
            sending: "Leaving \(name)…",
            done: { "Left \(name)" },
            refused: { "Could not leave \(name): \($0)" },
            unknown: { _ in "No answer after leaving \(name): re-reading the organizations (nothing was re-sent)" })
        var spec = WriteSpec(
            "organizations.leave", target: name, activity: "leaving an organization", messages: messages
        ) {
            try await leaving.leaveOrganization(id: id)
        }.invalidating([.records(Kind.organizations.rawValue, .top), .userOrganizations, .accounts])
        spec.apply = { _ in list.removeRow(id: id) }
        spec.reloadWhenDone = { [weak self] in self?.onMembershipChanged?() }
        spec.reread = { [weak self] in
            list.refresh()
            self?.onMembershipChanged?()
            return RereadFinding()
        }
        spec.targetID = id
        return spec
    }
}
