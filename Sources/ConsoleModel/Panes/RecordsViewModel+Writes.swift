import APICore

extension RecordsViewModel {
    /// Applies `changes` to the user's profile (after the UI's confirmation); on an unknown outcome re-reads it.
    @discardableResult
    public func editUser(_ changes: [String: FieldChange]) -> Task<Void, Never> {
        Task {
            guard let editing = context.directory.userProfileEditing, context.mayWrite("editing your profile") else {
                return
            }
            let names = changes.keys.sorted().joined(separator: ", ")
            context.notify(.info, "Saving your profile (\(names))…")
            switch await WriteOutcome.of({ try await editing.editUser(changes) }) {
            case .done(let details):
                setUser(details)
                context.notify(.success, "Saved your profile: \(names)")
            case .failed(let message):
                context.notify(.error, "Could not save your profile: \(message)")
            case .unknown:
                let current = try? await editing.userDetails()
                if let current { setUser(current) }
                let shown = current.map { details in
                    details.editable.filter { changes[$0.id] != nil }
                        .map { "\($0.label.lowercased()) \($0.value.map { "'\($0)'" } ?? "empty")" }
                        .joined(separator: ", ")
                } ?? "unknown (could not re-read)"
                context.notify(.warning, "No answer after saving your profile; the server now shows: \(shown). Nothing was re-sent.")
            }
            context.sessionChanged()
        }
    }

    /// Leaves a legacy organization (after the UI's typed-name confirmation).
    @discardableResult
    public func leaveOrganization(id: String) -> Task<Void, Never> {
        Task {
            guard let leaving = context.directory.organizationLeaving, context.mayWrite("leaving an organization"),
                let row = list.row(id: id)
            else { return }
            let name = row.cells.first ?? id
            let changed: [CachedResource] = [
                .records(Kind.organizations.rawValue, .top), .userOrganizations, .accounts,
            ]
            context.notify(.info, "Leaving \(name)…")
            switch await WriteOutcome.of({ try await leaving.leaveOrganization(id: id) }) {
            case .done:
                list.removeRow(id: id)
                await context.invalidate(changed)
                onMembershipChanged?()
                context.notify(.success, "Left \(name)")
            case .failed(let message):
                context.notify(.error, "Could not leave \(name): \(message)")
            case .unknown:
                await context.invalidate(changed)
                list.refresh()
                onMembershipChanged?()
                context.notify(.warning, "No answer after leaving \(name): re-reading the organizations (nothing was re-sent)")
            }
        }
    }
}
