/** Real ESCO v1.1.1 concepts the tests use (imported into the test database by global set-up). */
export const ESCO = {
  occupation: {
    welder: '7aedaa07-3884-4c5b-88f9-80997b2aa54b',
    automotiveBatteryTechnician: '06bd6285-13ed-4ea7-90cc-e9638a0600a9',
  },
  skill: {
    magWelding: '60ff3eac-7d4d-4e51-87b8-74c3b5d62498',
    tigWelding: 'a51adea8-bf02-488a-a0d8-b0961caca5b0',
    readEngineeringDrawings: 'b07daddc-8625-4360-946e-ad2b0e56ebf6',
    useCadSoftware: 'b34e2ba1-9080-48c9-9b42-ee9192a4d3f1',
    operateBatteryTestEquipment: '7c8a86b2-b0ae-4969-901a-5949d9974755',
    repairBatteryComponents: '78fc4e90-a522-480a-a2f0-21ff3dfe6ba7',
    batteryChemistry: '84cc8c9d-db57-42ec-8948-9b632bf06124',
    /** Outside the automotive subset: no Italian label, so Italian responses fall back to English. */
    changeWatchBattery: '25d168e5-ad10-42a8-9f00-9e1417c8ae36',
  },
} as const;

export const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
