import { APPLICATION_MOVES } from './applications.service';
import { ENROLMENT_MOVES } from './enrolments.service';
import { checkMove } from './transitions';

describe('application moves', () => {
  it.each([
    ['organisation', 'received', 'shortlisted', 'ok'],
    ['organisation', 'received', 'rejected', 'ok'],
    ['organisation', 'shortlisted', 'hired', 'ok'],
    ['organisation', 'received', 'hired', 'invalid'],
    ['organisation', 'hired', 'rejected', 'invalid'],
    ['organisation', 'received', 'withdrawn', 'forbidden'],
    ['worker', 'received', 'withdrawn', 'ok'],
    ['worker', 'shortlisted', 'withdrawn', 'ok'],
    ['worker', 'hired', 'withdrawn', 'invalid'],
    ['worker', 'received', 'hired', 'forbidden'],
    ['admin', 'shortlisted', 'hired', 'ok'],
    ['admin', 'received', 'withdrawn', 'ok'],
    ['admin', 'withdrawn', 'received', 'forbidden'],
  ] as const)('%s: %s → %s is %s', (side, from, to, expected) => {
    expect(checkMove(APPLICATION_MOVES, side, from, to)).toBe(expected);
  });
});

describe('enrolment moves', () => {
  it.each([
    ['organisation', 'requested', 'accepted', 'ok'],
    ['organisation', 'requested', 'declined', 'ok'],
    ['organisation', 'accepted', 'declined', 'invalid'],
    ['organisation', 'requested', 'withdrawn', 'forbidden'],
    ['worker', 'requested', 'withdrawn', 'ok'],
    ['worker', 'accepted', 'withdrawn', 'ok'],
    ['worker', 'declined', 'withdrawn', 'invalid'],
    ['worker', 'requested', 'accepted', 'forbidden'],
  ] as const)('%s: %s → %s is %s', (side, from, to, expected) => {
    expect(checkMove(ENROLMENT_MOVES, side, from, to)).toBe(expected);
  });
});
