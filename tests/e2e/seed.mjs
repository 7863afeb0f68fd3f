// Seeds a caseload through the app's own IndexedDB store (database "probation-workbook", object store
// "cases", records in the shape `CaseRecord` serialises to), after the app has created the database.
const FIRST = ['Alex', 'Sam', 'Jordan', 'Robin', 'Casey', 'Morgan', 'Taylor', 'Jamie', 'Riley', 'Avery', 'Quinn', 'Drew', 'Reese', 'Rowan', 'Sasha'];
const LAST = ['Archer', 'Bramley', 'Carver', 'Dunmore', 'Ellery', 'Fairlie', 'Garside', 'Holloway', 'Inchley', 'Jessop', 'Kettle', 'Lomax', 'Marsden', 'Northam', 'Ormsby', 'Pettigrew', 'Quarrie', 'Rendell', 'Stainer', 'Thursby'];

/** Today's year, month index and day, in London (as the app counts days). */
function todayParts() {
  const [day, month, year] = new Date().toLocaleDateString('en-GB', { timeZone: 'Europe/London' }).split('/').map(Number);
  return [year, month - 1, day];
}

/** `count` fictional cases; a few named ones first, so a search has something to find. */
export function fictionalCases(count, named = []) {
  const cases = [];
  const pad = (n) => String(n).padStart(2, '0');
  for (let i = 0; i < count; i += 1) {
    const [name, crn] = named[i] ?? [`${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}${i >= 300 ? ` ${i}` : ''}`, `S${String(100000 + i).padStart(6, '0')}`];
    // Every tenth case started two days ago, so its initial plan is not due yet (not overdue).
    const started = i % 10 === 9 ? new Date(Date.UTC(...todayParts(), 12) - 2 * 86_400_000) : new Date(Date.UTC(2025, i % 12, 1 + (i % 27)));
    const end = new Date(started.getTime() + 730 * 86_400_000);
    const iso = (d) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
    cases.push({
      schema_version: 3,
      id: `seed-${i}`,
      details: {
        name, crn,
        date_of_birth: `19${70 + (i % 30)}-${pad(1 + (i % 12))}-${pad(1 + (i % 28))}`,
        sex: i % 3 === 0 ? 'female' : 'male',
        sentence_type: ['community_order', 'suspended_sentence_order', 'custody', 'licence'][i % 4],
        // Custody counts its initial plan from the day the sentence was passed.
        ...(i % 4 === 2 ? { sentence_date: iso(started) } : {}),
        sentence_or_release_date: i % 4 === 2 ? iso(new Date(Date.UTC(2027, i % 12, 10))) : iso(started),
        sentence_end_date: i % 4 === 2 ? iso(new Date(Date.UTC(2029, i % 12, 10))) : iso(end),
      },
      created_at: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString(),
      updated_at: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString(),
    });
  }
  return cases;
}

/** Writes the cases into the app's database in one transaction (run in the page, after it has loaded). */
export async function seedCases(page, cases) {
  await page.evaluate((records) => new Promise((resolve, reject) => {
    const open = indexedDB.open('probation-workbook');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      try {
        // Throws if the app has not made its stores yet: the caller waits for the app to load first.
        const tx = db.transaction('cases', 'readwrite');
        const store = tx.objectStore('cases');
        for (const record of records) store.put(record, record.id);
        tx.oncomplete = () => { db.close(); resolve(); };
        tx.onerror = () => reject(tx.error);
      } catch (error) {
        db.close();
        reject(error);
      }
    };
  }), cases);
}
