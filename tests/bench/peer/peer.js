// The SurveyJS peer of `make bench`: a form shaped like Probation Workbook's largest section (the
// bench passes how many choice questions, with how many options, and how many text boxes), saving
// every change to IndexedDB as the workbook does. Fictional questions only.
const params = new URLSearchParams(location.search);
const shape = (params.get('options') ?? '3').split(',').map(Number);
const comments = Number(params.get('comments') ?? 1);
const elements = [];
shape.forEach((options, index) => {
  elements.push({
    type: 'radiogroup', name: `q${index + 1}`, title: `Question ${index + 1}`,
    choices: Array.from({ length: options }, (_, option) => ({ value: String(option), text: `Option ${option}` })),
  });
});
for (let index = 0; index < comments; index += 1) {
  elements.push({ type: 'comment', name: `notes${index + 1}`, title: `Notes ${index + 1}`, textUpdateMode: 'onTyping' });
}

function database() {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('surveyjs-peer', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('answers');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
}

(async () => {
  const db = await database();
  const saved = await new Promise((resolve) => {
    const request = db.transaction('answers').objectStore('answers').get('draft');
    request.onsuccess = () => resolve(request.result ?? {});
  });
  const survey = new Survey.Model({ elements, showCompletedPage: false });
  survey.data = saved;
  const marker = document.getElementById('saved');
  survey.onValueChanged.add(() => {
    const transaction = db.transaction('answers', 'readwrite');
    transaction.objectStore('answers').put(survey.data, 'draft');
    transaction.oncomplete = () => {
      marker.dataset.saves = String(Number(marker.dataset.saves) + 1);
      marker.textContent = `Saved ${marker.dataset.saves}`;
    };
  });
  SurveyUI.renderSurvey(survey, document.getElementById('survey'));
})();
