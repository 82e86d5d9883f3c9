import APICore

extension MembersViewModel {
    /// Disables or enables a member (after the UI's confirmation).
    @discardableResult
    public func setEnabled(id: String, enabled: Bool) -> Task<Void, Never> {
        context.writes.start(list.row(id: id).flatMap { setEnabledWrite($0, enabled: enabled) })
    }

    /// `members.toggle`: the row shows the status the server answers with, or what a re-read shows.
    public func setEnabledWrite(_ member: Member, enabled: Bool) -> WriteSpec<Member>? {
        guard let toggling = context.directory.memberToggling, toggling.canToggle(member) else { return nil }
        let who = member.email.isEmpty ? member.id : member.email
        let verb = enabled ? "enabling" : "disabling"
        let messages = WriteMessages<Member>(
            sending: "\(enabled ? "Enabling" : "Disabling") \(who)…",
            done: { "\(who) is now \($0.status.label)" },
            refused: { "Could not change \(who): \($0)" },
            unknown: {
                "No answer after \(verb) \(who); the server now shows: \($0.shownOrUnread). Nothing was re-sent."
            })
        var spec = WriteSpec(
            "members.toggle", target: who, activity: "\(verb) a member", messages: messages
        ) {
            try await toggling.setMemberEnabled(member, enabled: enabled)
        }.invalidating([.members(member.scope)])
        spec.apply = { [list] in list.replaceRow($0) }
        let directory = context.directory
        spec.reread = { [list] in
            guard let current = try? await directory.memberRoleEditing?.member(member) else {
                return RereadFinding()
            }
            list.replaceRow(current)
            return RereadFinding(
                shown: current.status.label, tookEffect: (current.status == .active) == enabled)
        }
        spec.targetID = member.id
        return spec
    }
}
