import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type Action, canReachCouncil, isAllowed, POLICY } from './policy.ts';
import { ROLES } from './roles.ts';

describe('the permission policy', () => {
  it('lets every role view the home page and a council', () => {
    for (const role of ROLES) {
      assert.ok(isAllowed(role, 'home:view'), role);
      assert.ok(isAllowed(role, 'council:view'), role);
    }
  });

  it('lets only commissioners, officers and monitoring officers manage people', () => {
    const allowed = ROLES.filter((r) => isAllowed(r, 'people:manage'));
    assert.deepEqual(allowed, ['commissioner', 'officer', 'monitoring_officer']);
  });

  it('keeps the ledger from councillors, officers and licensing officers', () => {
    for (const role of ['councillor', 'officer', 'licensing_officer'] as const) {
      assert.ok(!isAllowed(role, 'ledger:view'), role);
      assert.ok(!isAllowed(role, 'ledger:verify'), role);
    }
    assert.ok(isAllowed('auditor', 'ledger:view'));
    assert.ok(isAllowed('auditor', 'ledger:verify'));
    assert.ok(isAllowed('monitoring_officer', 'ledger:view'));
    assert.ok(!isAllowed('monitoring_officer', 'ledger:verify'));
  });

  it('names only known roles for every action', () => {
    for (const action of Object.keys(POLICY) as Action[]) {
      for (const role of POLICY[action])
        assert.ok((ROLES as readonly string[]).includes(role), `${action}: ${role}`);
    }
  });

  it('lets a department official reach any council, and anyone else only their own', () => {
    assert.ok(canReachCouncil({ role: 'department', councilId: null }, 'c1'));
    assert.ok(canReachCouncil({ role: 'officer', councilId: 'c1' }, 'c1'));
    assert.ok(!canReachCouncil({ role: 'officer', councilId: 'c1' }, 'c2'));
    assert.ok(!canReachCouncil({ role: 'commissioner', councilId: null }, 'c1'));
  });
});
