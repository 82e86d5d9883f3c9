import APICore
import ConsoleModel
import TUIKit

extension ConsoleRuntime {
    /// `n` on Tokens: loads the permission groups, then opens the create form.
    func openTokenCreateForm() {
        guard let creating = session.directory.tokenCreating else { return }
        let scope = session.scope
        guard creating.canCreateToken(in: scope) else { return }
        if session.readOnly {
            state.flash = Notice(.warning, "Read-only mode: creating a token refused, nothing was sent")
            return
        }
        let offered = creating.draftFields(in: scope)
        guard offered.contains(.permissions) else {
            state.overlay = .tokenForm(TokenForm(creatingIn: scope, groups: [], offering: offered))
            return
        }
        state.flash = Notice(.info, "Loading permission groups…")
        effect({ await Self.attempt { try await creating.permissionGroups(for: scope) } }) { runtime, result in
            guard runtime.state.overlay == nil else { return }
            switch result {
            case .success(let groups) where groups.isEmpty:
                runtime.state.flash = Notice(.warning, "The provider lists no permission groups to give")
            case .success(let groups):
                runtime.state.flash = nil
                runtime.state.overlay = .tokenForm(TokenForm(creatingIn: scope, groups: groups, offering: offered))
            case .failure(let error):
                runtime.state.flash = Notice(
                    .error, "Could not load the permission groups: \((error as? APIError)?.userMessage ?? "\(error)")")
            }
        }
    }

    /// `e` on Tokens: the edit form with the token's current values.
    func openTokenEditForm() {
        guard let editing = session.directory.tokenEditing, let token = session.tokens.snapshot.selectedRow,
            editing.canEdit(token)
        else { return }
        if session.readOnly {
            state.flash = Notice(.warning, "Read-only mode: editing a token refused, nothing was sent")
            return
        }
        let offered = editing.editFields(of: token)
        guard offered.contains(.permissions), let creating = session.directory.tokenCreating else {
            state.overlay = .tokenForm(TokenForm(editing: token, offering: offered.subtracting(.permissions)))
            return
        }
        // The permissions of the token's owner, ticked as its policies have them.
        state.flash = Notice(.info, "Loading permission groups…")
        effect({ await Self.attempt { try await creating.permissionGroups(for: token.owner) } }) { runtime, result in
            guard runtime.state.overlay == nil else { return }
            runtime.state.flash = nil
            var form = TokenForm(editing: token, offering: offered)
            if case .success(let groups) = result, !groups.isEmpty,
                let grants = runtime.session.directory.tokenEditing?.grants(of: token, among: groups)
            {
                form.pick(grants, among: groups)
            } else {
                form = TokenForm(editing: token, offering: offered.subtracting(.permissions))
                runtime.state.flash = Notice(
                    .warning, "The permission groups could not be read: permissions stay as they are")
            }
            runtime.state.overlay = .tokenForm(form)
        }
    }

    func handleTokenFormKey(_ key: Key, form: TokenForm) {
        var form = form
        let field = form.focused
        switch key {
        case .escape:
            state.overlay = nil
            return
        case .tab: form.focus = (form.focus + 1) % form.fields.count
        case .backTab: form.focus = (form.focus + form.fields.count - 1) % form.fields.count
        case .down where field == .permissions:
            form.groupCursor = min(form.groupCursor + 1, max(0, form.filteredGroups.count - 1))
        case .up where field == .permissions: form.groupCursor = max(form.groupCursor - 1, 0)
        case .down: form.focus = min(form.focus + 1, form.fields.count - 1)
        case .up: form.focus = max(form.focus - 1, 0)
        case .character(" ") where field == .permissions:
            let visible = form.filteredGroups
            if visible.indices.contains(form.groupCursor) { form.cycle(visible[form.groupCursor].id) }
        case .character(" ") where field == .resources: if form.hasScopedAccount { form.allAccounts.toggle() }
        case .character(" ") where field == .status: form.enabled.toggle()
        case .backspace where field == .permissions:
            form.groupFilter = String(form.groupFilter.dropLast())
            form.groupCursor = 0
        case .character(let character) where field == .permissions:
            form.groupFilter.append(character)
            form.groupCursor = 0
        case .backspace where field.isText: form.texts[field] = String(form.text(field).dropLast())
        case .character(let character) where field.isText: form.texts[field, default: ""].append(character)
        case .enter: return submitTokenForm(form)
        default: break
        }
        state.overlay = .tokenForm(form)
    }

    private func submitTokenForm(_ form: TokenForm) {
        switch form.mode {
        case .create(let scope):
            switch form.draft() {
            case .failure(let error):
                state.flash = Notice(.warning, error.message)
                state.overlay = .tokenForm(form)
            case .success(let draft) where !form.fields.contains(.permissions):
                confirmNamedCreate(draft, in: scope)
            case .success(let draft):
                let place =
                    scope.node(.account).map { "account \(TextSanitizer.sanitize($0.name).text)" } ?? "your user"
                var lines = ["Create token '\(TextSanitizer.sanitize(draft.name).text)' owned by \(place)"]
                lines += Self.grantLines(
                    TokenGrants(
                        allowed: draft.permissionGroups, denied: draft.deniedGroups, resources: draft.resources),
                    place: place)
                if let expires = draft.expiresOn { lines.append("expires: \(Timestamp.format(expires))") }
                if let notBefore = draft.notBefore { lines.append("not before: \(Timestamp.format(notBefore))") }
                if !draft.allowedIPRanges.isEmpty { lines.append("only from: " + sanitized(draft.allowedIPRanges)) }
                if !draft.deniedIPRanges.isEmpty { lines.append("never from: " + sanitized(draft.deniedIPRanges)) }
                lines.append("Its secret is shown once and never stored.")
                confirm(
                    ConfirmDialog(
                        title: "Create token", lines: lines, confirmLabel: "Create",
                        write: ConfirmedWrite("tokens.create", target: draft.name) { $0.createToken(draft) },
                        openedAt: now))
            }
        case .edit(let id, let original):
            switch form.edit() {
            case .failure(let error):
                state.flash = Notice(.warning, error.message)
                state.overlay = .tokenForm(form)
            case .success(let edit):
                var lines: [String] = []
                if let name = edit.name {
                    lines.append(
                        "name: '\(TextSanitizer.sanitize(original.name).text)' → '\(TextSanitizer.sanitize(name).text)'"
                    )
                }
                if let enabled = edit.enabled {
                    lines.append("status: \(original.status.label) → \(enabled ? "active" : "disabled")")
                }
                if let expires = edit.expiresOn {
                    if case .set(let text) = expires {
                        lines.append("expires: \(text)")
                    } else {
                        lines.append("expires: never")
                    }
                }
                if let allowed = edit.allowedIPRanges {
                    lines.append("IP allowed: " + (allowed.isEmpty ? "any" : sanitized(allowed)))
                }
                if let denied = edit.deniedIPRanges {
                    lines.append("IP denied: " + (denied.isEmpty ? "none" : sanitized(denied)))
                }
                if let grants = edit.grants {
                    let place =
                        original.owner.node(.account).map { "account \(TextSanitizer.sanitize($0.name).text)" }
                        ?? "your user"
                    lines += ["permissions (replacing its policies):"] + Self.grantLines(grants, place: place)
                }
                if let description = edit.description {
                    lines.append(
                        "description: "
                            + (description.isEmpty ? "none" : "'\(TextSanitizer.sanitize(description).text)'"))
                }
                guard !lines.isEmpty else {
                    state.overlay = nil
                    state.flash = Notice(.info, "No change: the token is as it was")
                    return
                }
                confirm(
                    ConfirmDialog(
                        title: "Edit token",
                        lines: ["Change \(original.kind.rawValue) '\(TextSanitizer.sanitize(original.name).text)':"]
                            + lines
                            + (original.policies.isEmpty || edit.grants != nil
                                ? [] : ["Its permissions stay as they are."]),
                        confirmLabel: "Save",
                        write: ConfirmedWrite("tokens.edit", target: id) { $0.session.tokens.edit(id: id, edit) },
                        openedAt: now))
            }
        }
    }

    /// The confirmation of a create with no permissions to pick: a service account in an organization, or a
    /// credential of the service account in scope (whose secret is shown once).
    private func confirmNamedCreate(_ draft: TokenDraft, in scope: Scope) {
        let name = TextSanitizer.sanitize(draft.name).text
        let place = TextSanitizer.sanitize(scope.leaf?.name ?? "").text
        let issuesSecret = scope.node(.serviceAccount) != nil
        var lines = [
            issuesSecret
                ? "Create credential '\(name)' for service account \(place)"
                : "Create service account '\(name)' in \(place)"
        ]
        if let description = draft.description, !description.isEmpty {
            lines.append("description: '\(TextSanitizer.sanitize(description).text)'")
        }
        lines.append(
            issuesSecret
                ? "Its secret is shown once and never stored." : "Add credentials to it with Enter, then n.")
        confirm(
            ConfirmDialog(
                title: issuesSecret ? "Create credential" : "Create service account", lines: lines,
                confirmLabel: "Create",
                write: ConfirmedWrite("tokens.create", target: draft.name) { $0.createToken(draft) }, openedAt: now))
    }

    /// What the token may and may not do, each group with the resources of its kind it is bound to.
    static func grantLines(_ grants: TokenGrants, place: String) -> [String] {
        let everywhere = grants.resources == .allAccounts
        let place: String = if case .account(let id) = grants.resources { "account \(id)" } else { place }
        func on(_ kind: PermissionScope) -> String {
            switch kind {
            case .account: everywhere ? "every account of yours" : place
            case .zone: everywhere ? "every zone of yours" : "every zone of \(place)"
            case .bucket: everywhere ? "every R2 bucket of yours" : "every R2 bucket of \(place)"
            case .user: "your user"
            }
        }
        var lines: [String] = []
        for (verb, groups) in [("allowing", grants.allowed), ("denying", grants.denied)] {
            for kind in [PermissionScope.account, .zone, .user, .bucket] {
                let names = groups.filter { $0.appliesTo == kind }.map { TextSanitizer.sanitize($0.name).text }
                guard !names.isEmpty else { continue }
                lines.append("\(verb) \(names.joined(separator: ", ")) on \(on(kind))")
            }
        }
        return lines
    }

    private func sanitized(_ ranges: [String]) -> String {
        ranges.map { TextSanitizer.sanitize($0).text }.joined(separator: ", ")
    }

    /// Hands a confirmed token create to the view-model; its secret opens the once-only modal.
    func createToken(_ draft: TokenDraft) {
        let task = session.tokens.create(draft)
        effect({ await task.value }) { runtime, _ in runtime.showRevealedSecret() }
    }
}
