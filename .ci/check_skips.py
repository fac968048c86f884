"""Fail when a junit report shows no tests or a skipped test that must have run.

Browser tests must never be skipped in CI. In the SQLite run (--allow-services) only
the tests that need the real services may be skipped; in the services run, none.
"""

import sys
import xml.etree.ElementTree as ET

SERVICES_REASON = "TEST_SERVICES=1"


def main(path: str, allow_services: bool) -> int:
    root = ET.parse(path).getroot()  # noqa: S314 - our own pytest report
    cases = list(root.iter("testcase"))
    ran = [c for c in cases if c.find("skipped") is None]
    bad = []
    for case in cases:
        skipped = case.find("skipped")
        if skipped is None:
            continue
        reason = skipped.get("message", "")
        if allow_services and SERVICES_REASON in reason and "e2e" not in case.get("classname", ""):
            continue
        bad.append(f"{case.get('classname')}::{case.get('name')}: {reason}")
    if not ran:
        print(f"{path}: no test ran")
        return 1
    if bad:
        print(f"{path}: {len(bad)} test(s) skipped that must run:")
        print("\n".join(f"  {line}" for line in bad))
        return 1
    print(f"{path}: {len(ran)} tests ran, {len(cases) - len(ran)} allowed skips")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], "--allow-services" in sys.argv[2:]))
