#!/usr/bin/env python3
"""Runs one scenario of the official OpenAI Python SDK (PyPI `openai` 3.57.0) against a server.

Used by `Tests/IntegrationTests/OpenAIConformanceTests.swift` to check that the DemoServer speaks the same
wire format as the real OpenAI Admin API: if the official SDK cannot use our fake, the fake is wrong.

Configuration comes only from the SDK's own environment variables:
  OPENAI_BASE_URL    e.g. http://127.0.0.1:54321/v1
  OPENAI_ADMIN_KEY   the admin key (sent as Authorization: Bearer)

Usage:
  openai_conformance.py users [--limit N]               (auto-paginates every organization user)
  openai_conformance.py role USER_ID ROLE               (users.update, then users.retrieve)
  openai_conformance.py assignments USER_ID ROLE_ID     (roles.list, users.roles.create/retrieve/list/delete)
  openai_conformance.py invite EMAIL                    (create, retrieve, list, delete; deleting an accepted one fails)
  openai_conformance.py adminkey NAME                   (create, use its value, delete, the value stops working)
  openai_conformance.py projects PROJECT_ID USER_ID     (project users, service accounts and keys)
  openai_conformance.py autherror
  openai_conformance.py notfound USER_ID
  openai_conformance.py retry429                        (the server is told to answer the first list with 429)
  openai_conformance.py sweep                           (every read endpoint the console uses)

The SDK's strict response validation is on: a response that does not match its pydantic models is a
conformance failure.

On success exactly one JSON object is printed on stdout and the exit status is 0. On failure a message
goes to stderr and the exit status is non-zero (2 for an HTTP error from the server, 3 for a response the
SDK could not validate, 4 for a scenario precondition that did not hold, 1 for anything else).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import traceback
from typing import Any, Callable, Dict, List, NoReturn

try:
    import openai
    from openai import OpenAI
except ImportError as error:  # pragma: no cover - reported to the Swift side
    print(f"cannot import the openai SDK: {error} (run scripts/setup-venv.sh)", file=sys.stderr)
    sys.exit(1)

EXPECTED_SDK_VERSION = "3.57.0"


class ScenarioFailure(Exception):
    """A precondition or an expectation of the scenario did not hold."""


def fail(message: str, code: int = 1) -> NoReturn:
    print(f"openai_conformance: {message}", file=sys.stderr)
    sys.exit(code)


def make_client(admin_key: str | None = None) -> OpenAI:
    for name in ("OPENAI_BASE_URL", "OPENAI_ADMIN_KEY"):
        if not os.environ.get(name):
            fail(f"environment variable {name} is not set")
    if os.environ.get("OPENAI_API_KEY"):
        fail("OPENAI_API_KEY must not be set: admin calls must authenticate with the admin key alone")
    # Base URL and key are read by the SDK itself from the environment unless a key is given.
    if admin_key is not None:
        return OpenAI(admin_api_key=admin_key, _strict_response_validation=True)
    return OpenAI(_strict_response_validation=True)


def admin(client: OpenAI) -> Any:
    return client.admin.organization


def dump(model: Any) -> Any:
    return None if model is None else model.to_dict(mode="json")


def status_error(error: "openai.APIStatusError") -> Dict[str, Any]:
    body = error.body if isinstance(error.body, dict) else {}
    return {
        "exception": type(error).__name__,
        "status_code": error.status_code,
        "message": error.message,
        "type": getattr(error, "type", None),
        "code": getattr(error, "code", None),
        "param": getattr(error, "param", None),
        "body_keys": sorted(body.keys()),
    }


def expect_status_error(call: Callable[[], Any]) -> Dict[str, Any]:
    try:
        call()
    except openai.APIStatusError as error:
        return status_error(error)
    raise ScenarioFailure("the call was expected to fail with an HTTP error but succeeded")


# Scenarios


def scenario_users(client: OpenAI, args: argparse.Namespace) -> Dict[str, Any]:
    params: Dict[str, Any] = {}
    if args.limit is not None:
        params["limit"] = args.limit
    page = admin(client).users.list(**params)
    ids = [user.id for user in page]  # the SDK's auto-pager: after=<last_id> while has_more
    roles: Dict[str, int] = {}
    for user in admin(client).users.list(limit=100):
        roles[str(user.role)] = roles.get(str(user.role), 0) + 1
    first = admin(client).users.list(limit=1).data
    filtered = admin(client).users.list(emails=[first[0].email]).data if first and first[0].email else []
    return {
        "scenario": "users",
        "count": len(ids),
        "unique_count": len(set(ids)),
        "ids": ids,
        "roles": roles,
        "filtered_ids": [user.id for user in filtered],
    }


def scenario_role(client: OpenAI, args: argparse.Namespace) -> Dict[str, Any]:
    updated = admin(client).users.update(args.user_id, role=args.role)
    fetched = admin(client).users.retrieve(args.user_id)
    return {"scenario": "role", "updated": dump(updated), "fetched_role": fetched.role}


def scenario_assignments(client: OpenAI, args: argparse.Namespace) -> Dict[str, Any]:
    users = admin(client).users
    catalogue = [role.id for role in admin(client).roles.list(limit=3)]  # NextCursorPage: after=<next>
    before = [role.id for role in users.roles.list(args.user_id)]
    created = users.roles.create(args.user_id, role_id=args.role_id)
    fetched = users.roles.retrieve(args.role_id, user_id=args.user_id)
    during = [role.id for role in users.roles.list(args.user_id, limit=1)]
    deleted = users.roles.delete(args.role_id, user_id=args.user_id)
    after = [role.id for role in users.roles.list(args.user_id)]
    gone = expect_status_error(lambda: users.roles.retrieve(args.role_id, user_id=args.user_id))
    return {
        "scenario": "assignments",
        "catalogue": catalogue,
        "before": before,
        "created": {"object": created.object, "role_id": created.role.id, "user_id": created.user.id},
        "fetched_id": fetched.id,
        "during": during,
        "deleted": dump(deleted),
        "after": after,
        "gone": gone,
    }


def scenario_invite(client: OpenAI, args: argparse.Namespace) -> Dict[str, Any]:
    invites = admin(client).invites
    created = invites.create(email=args.email, role="reader", projects=[])
    fetched = invites.retrieve(created.id)
    listed = list(invites.list(limit=5))
    deleted = invites.delete(created.id)
    gone = expect_status_error(lambda: invites.retrieve(created.id))
    accepted = next((invite for invite in listed if invite.status == "accepted"), None)
    if accepted is None:
        raise ScenarioFailure("the seed has no accepted invite")
    refused = expect_status_error(lambda: invites.delete(accepted.id))
    return {
        "scenario": "invite",
        "created": dump(created),
        "fetched_status": fetched.status,
        "listed_ids": [invite.id for invite in listed],
        "listed_statuses": sorted({invite.status for invite in listed}),
        "deleted": dump(deleted),
        "gone": gone,
        "accepted_id": accepted.id,
        "refused": refused,
    }


def scenario_adminkey(client: OpenAI, args: argparse.Namespace) -> Dict[str, Any]:
    keys = admin(client).admin_api_keys
    created = keys.create(name=args.name)
    with_new = make_client(admin_key=created.value)
    own = admin(with_new).admin_api_keys.retrieve(created.id)
    listed = [key.id for key in admin(with_new).admin_api_keys.list(limit=2)]  # CursorPage: after=<last item id>
    deleted = keys.delete(created.id)
    refused = expect_status_error(lambda: admin(with_new).users.list(limit=1))
    return {
        "scenario": "adminkey",
        "id": created.id,
        "value": created.value,
        "redacted_value": created.redacted_value,
        "own_redacted_value": own.redacted_value,
        "listed_ids": listed,
        "deleted": dump(deleted),
        "refused": refused,
    }


def scenario_projects(client: OpenAI, args: argparse.Namespace) -> Dict[str, Any]:
    projects = admin(client).projects
    active = [project.id for project in projects.list(limit=2)]
    every = [project.id for project in projects.list(include_archived=True, limit=2)]
    added = projects.users.create(args.project_id, role="member", user_id=args.user_id)
    changed = projects.users.update(args.user_id, project_id=args.project_id, role="owner")
    removed = projects.users.delete(args.user_id, project_id=args.project_id)
    created = projects.service_accounts.create(args.project_id, name="conformance-bot")
    if created.api_key is None:
        raise ScenarioFailure("a service account created with defaults has no api_key")
    keys = [key.id for key in projects.api_keys.list(args.project_id, owner_project_access="any")]
    key = projects.api_keys.retrieve(created.api_key.id, project_id=args.project_id)
    bare = projects.service_accounts.create(args.project_id, name="bare-bot", create_service_account_only=True)
    deleted_key = projects.api_keys.delete(created.api_key.id, project_id=args.project_id)
    deleted_account = projects.service_accounts.delete(created.id, project_id=args.project_id)
    return {
        "scenario": "projects",
        "active_ids": active,
        "all_ids": every,
        "added_role": added.role,
        "changed_role": changed.role,
        "removed": dump(removed),
        "service_account_id": created.id,
        "key_value": created.api_key.value,
        "key_listed": created.api_key.id in keys,
        "key_owner_type": key.owner.type,
        "bare_role": bare.role,
        "bare_has_key": bare.api_key is not None,
        "deleted_key": dump(deleted_key),
        "deleted_account": dump(deleted_account),
    }


def scenario_autherror(_: OpenAI, __: argparse.Namespace) -> Dict[str, Any]:
    wrong = make_client(admin_key="sk-admin-wrong" + "x" * 40)
    return {"scenario": "autherror", **expect_status_error(lambda: admin(wrong).users.list(limit=1))}


def scenario_notfound(client: OpenAI, args: argparse.Namespace) -> Dict[str, Any]:
    return {"scenario": "notfound", **expect_status_error(lambda: admin(client).users.retrieve(args.user_id))}


def scenario_retry429(client: OpenAI, _: argparse.Namespace) -> Dict[str, Any]:
    started = time.monotonic()
    raw = admin(client).users.with_raw_response.list(limit=5)
    elapsed = time.monotonic() - started
    page = raw.parse()
    return {
        "scenario": "retry429",
        "status_code": raw.status_code,
        "retries_taken": raw.retries_taken,
        "seconds": elapsed,
        "count": len(page.data),
    }


def scenario_sweep(client: OpenAI, _: argparse.Namespace) -> Dict[str, Any]:
    org = admin(client)
    calls: List[Dict[str, Any]] = []

    def call(name: str, body: Callable[[], Any]) -> Any:
        try:
            result = body()
            calls.append({"call": name, "ok": True})
            return result
        except Exception as error:  # every failure is reported, the sweep goes on
            calls.append({"call": name, "ok": False, "error": f"{type(error).__name__}: {error}"})
            return None

    users = call("users.list", lambda: org.users.list(limit=3).data) or []
    for user in users:
        call(f"users.retrieve {user.id}", lambda: org.users.retrieve(user.id))
        assigned = call(f"users.roles.list {user.id}", lambda: org.users.roles.list(user.id).data) or []
        for role in assigned[:1]:
            call(f"users.roles.retrieve {role.id}", lambda: org.users.roles.retrieve(role.id, user_id=user.id))
    roles = call("roles.list", lambda: list(org.roles.list())) or []
    for role in roles[:2]:
        call(f"roles.retrieve {role.id}", lambda: org.roles.retrieve(role.id))
    invites = call("invites.list", lambda: list(org.invites.list())) or []
    for invite in invites[:2]:
        call(f"invites.retrieve {invite.id}", lambda: org.invites.retrieve(invite.id))
    keys = call("admin_api_keys.list", lambda: list(org.admin_api_keys.list())) or []
    for key in keys[:2]:
        call(f"admin_api_keys.retrieve {key.id}", lambda: org.admin_api_keys.retrieve(key.id))
    projects = call("projects.list", lambda: list(org.projects.list(include_archived=True))) or []
    for project in projects:
        pid = project.id
        call(f"projects.retrieve {pid}", lambda: org.projects.retrieve(pid))
        members = call(f"projects.users.list {pid}", lambda: org.projects.users.list(pid, limit=2).data) or []
        for member in members[:1]:
            call(f"projects.users.retrieve {member.id}", lambda: org.projects.users.retrieve(member.id, project_id=pid))
        project_keys = call(
            f"projects.api_keys.list {pid}", lambda: list(org.projects.api_keys.list(pid, owner_project_access="any"))
        ) or []
        for key in project_keys[:1]:
            call(f"projects.api_keys.retrieve {key.id}", lambda: org.projects.api_keys.retrieve(key.id, project_id=pid))
        accounts = call(f"projects.service_accounts.list {pid}", lambda: list(org.projects.service_accounts.list(pid))) or []
        for account in accounts[:1]:
            call(
                f"projects.service_accounts.retrieve {account.id}",
                lambda: org.projects.service_accounts.retrieve(account.id, project_id=pid),
            )
    return {
        "scenario": "sweep",
        "counts": {"roles": len(roles), "invites": len(invites), "admin_keys": len(keys), "projects": len(projects)},
        "calls": calls,
    }


SCENARIOS: Dict[str, Callable[[OpenAI, argparse.Namespace], Dict[str, Any]]] = {
    "users": scenario_users,
    "role": scenario_role,
    "assignments": scenario_assignments,
    "invite": scenario_invite,
    "adminkey": scenario_adminkey,
    "projects": scenario_projects,
    "autherror": scenario_autherror,
    "notfound": scenario_notfound,
    "retry429": scenario_retry429,
    "sweep": scenario_sweep,
}


def parse_arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="scenario", required=True)
    users = sub.add_parser("users")
    users.add_argument("--limit", type=int)
    role = sub.add_parser("role")
    role.add_argument("user_id")
    role.add_argument("role")
    assignments = sub.add_parser("assignments")
    assignments.add_argument("user_id")
    assignments.add_argument("role_id")
    sub.add_parser("invite").add_argument("email")
    sub.add_parser("adminkey").add_argument("name")
    projects = sub.add_parser("projects")
    projects.add_argument("project_id")
    projects.add_argument("user_id")
    sub.add_parser("autherror")
    sub.add_parser("notfound").add_argument("user_id")
    sub.add_parser("retry429")
    sub.add_parser("sweep")
    return parser.parse_args()


def main() -> None:
    args = parse_arguments()
    if openai.__version__ != EXPECTED_SDK_VERSION:
        print(f"openai_conformance: warning: SDK {openai.__version__}, expected {EXPECTED_SDK_VERSION}", file=sys.stderr)
    client = make_client()
    try:
        output = SCENARIOS[args.scenario](client, args)
    except openai.APIResponseValidationError as error:
        fail(f"the SDK rejected the response to {error.request.method} {error.request.url}: {error.__cause__ or error}", 3)
    except openai.APIStatusError as error:
        fail(f"HTTP {error.status_code} from {error.request.method} {error.request.url}: {error.body}", 2)
    except ScenarioFailure as error:
        fail(str(error), 4)
    except Exception:  # anything else is a bug in the scenario or the SDK's use of the server
        fail(traceback.format_exc())
    output["sdk_version"] = openai.__version__
    print(json.dumps(output))


if __name__ == "__main__":
    main()
