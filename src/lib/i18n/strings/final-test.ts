import type { Locale } from '../locales';

/**
 * The final test's strings, one feature per file: the island gets exactly this object in its
 * locale, so a missing key is a type error rather than an empty label.
 * Placeholders: {n} item number, {total} items, {minutes}, {pass} pass mark, {percent} score,
 * {time} a clock time (with the date when it is not today), {count} a count.
 */
export interface FinalTestStrings {
  heading: string;
  intro: string;
  rules: string;
  needsModules: string;
  modulesLink: string;
  start: string;
  starting: string;
  counter: string;
  timeLeft: string;
  next: string;
  selectOne: string;
  selectMany: string;
  missingAnswer: string;
  reviewHeading: string;
  reviewIntro: string;
  answered: string;
  notAnswered: string;
  change: string;
  submit: string;
  submitting: string;
  unansweredWarning: string;
  passedHeading: string;
  failedHeading: string;
  score: string;
  passedNext: string;
  toCertificate: string;
  failedReview: string;
  retry: string;
  retryAt: string;
  /** Over the back-off after failed attempts in a row: when the next may start, and what to do meanwhile. */
  backoff: string;
  /** A start refused because an attempt of this client is still open; {time}: when it expires. */
  attemptOpen: string;
  /** The attempts allowed to this browser (its own limit) are used; {time}: when the next may start. */
  attemptsUsed: string;
  /** The same three refusals when the limit hit is the one the whole address (or IPv6 network) shares: colleagues count together there. */
  sharedAttemptOpen: string;
  sharedBackoff: string;
  sharedAttemptsUsed: string;
  expired: string;
  alreadySubmitted: string;
  networkError: string;
  tryAgain: string;
  serverError: string;
  noServer: string;
  modulesMode: string;
  resumed: string;
  loading: string;
  scriptFailed: string;
  loadingStep: string;
  stepMissing: string;
  continueStory: string;
  storyFixed: string;
  toCertificatePage: string;
  passedBefore: string;
}

export const finalTestStrings: Record<Locale, FinalTestStrings> = {
  lv: {
    heading: 'Noslēguma tests',
    intro: 'Noslēguma tests pārbauda, vai jūs vadlīnijas protat pielietot jaunās situācijās. Tā jautājumi nav moduļu uzdevumos, un atbildes vērtē serveris, tāpēc sertifikāts apliecina jūsu zināšanas.',
    rules: 'Testā ir {total} situāciju no visiem moduļiem. Atbildēm ir {minutes} minūtes. Pēc katras atbildes netiek rādīts, vai tā ir pareiza; rezultātu jūs uzzināsiet pēc iesniegšanas. Situācijās ar turpinājumu katru atbildi nostiprina serveris, kad parāda, kas notiek tālāk, tāpēc to vairs nevar mainīt. Testu var iesniegt vienu reizi, un nokārtošanai jāsaņem vismaz {pass}.',
    needsModules: 'Noslēguma testu var sākt, kad visi moduļi ir nokārtoti. Vēl jānokārto: {count}.',
    modulesLink: 'Uz kursa moduļiem',
    start: 'Sākt noslēguma testu',
    starting: 'Sagatavo testu…',
    counter: '{n}. situācija no {total}',
    timeLeft: 'Atlikušais laiks: līdz {time}',
    next: 'Tālāk',
    selectOne: 'Izvēlieties vienu atbildi.',
    selectMany: 'Izvēlieties visas atbilstošās atbildes.',
    missingAnswer: 'Vispirms izvēlieties atbildi.',
    reviewHeading: 'Pārskatiet atbildes pirms iesniegšanas',
    reviewIntro: 'Jūs varat mainīt jebkuru atbildi. Iesniegt var tikai vienu reizi.',
    answered: 'atbildēts',
    notAnswered: 'nav atbildēts',
    change: 'Mainīt',
    submit: 'Iesniegt testu',
    submitting: 'Iesniedz…',
    unansweredWarning: 'Neatbildētas situācijas: {count}. Par tām punktus nesaņemsiet.',
    passedHeading: 'Noslēguma tests nokārtots',
    failedHeading: 'Noslēguma tests nav nokārtots',
    score: 'Jūsu rezultāts: {percent} (nepieciešams {pass}).',
    passedNext: 'Tagad varat saņemt sertifikātu. Tajā būs norādīts noslēguma testa rezultāts un datums.',
    toCertificate: 'Saņemt sertifikātu',
    failedReview: 'Atkārtojiet šos moduļus un mēģiniet vēlreiz:',
    retry: 'Sākt jaunu mēģinājumu',
    retryAt: 'Jaunu mēģinājumu varēsiet sākt pēc {time}.',
    backoff: 'Vairāki mēģinājumi pēc kārtas nav bijuši sekmīgi, tāpēc nākamo mēģinājumu varēsiet sākt pēc {time}. Pa to laiku atkārtojiet rezultātā norādītos moduļus.',
    attemptOpen: 'Jums jau ir iesākts noslēguma tests: turpiniet to tajā pārlūkā, kurā to sākāt. Jaunu mēģinājumu varēsiet sākt pēc {time}, kad iesāktā mēģinājuma laiks beigsies.',
    attemptsUsed: 'Šajā pārlūkā ir izmantoti visi atļautie noslēguma testa mēģinājumi. Jaunu mēģinājumu varēsiet sākt pēc {time}.',
    sharedAttemptOpen: 'No jūsu interneta adreses vai tīkla, ko kopā ar jums var lietot arī kolēģi, šobrīd ir iesākts tik daudz noslēguma testu, cik vienlaikus atļauts. Tas nav jūsu iesāktais tests. Jaunu mēģinājumu varēsiet sākt pēc {time}, kad beigsies pirmā iesāktā mēģinājuma laiks.',
    sharedBackoff: 'No jūsu interneta adreses vai tīkla, ko kopā ar jums var lietot arī kolēģi, daudzi mēģinājumi pēc kārtas nav bijuši sekmīgi, tāpēc nākamo mēģinājumu no tās varēsiet sākt pēc {time}. Tas attiecas uz visiem, kas lieto šo adresi, ne tikai uz jums.',
    sharedAttemptsUsed: 'No jūsu interneta adreses vai tīkla, ko kopā ar jums var lietot arī kolēģi, ir izmantoti visi tai atļautie noslēguma testa mēģinājumi. Jaunu mēģinājumu varēsiet sākt pēc {time}.',
    expired: 'Šī mēģinājuma laiks ir beidzies, tāpēc to vairs nevar iesniegt. Sāciet jaunu mēģinājumu.',
    alreadySubmitted: 'Šis mēģinājums jau ir iesniegts. Sāciet jaunu mēģinājumu.',
    networkError: 'Neizdevās sazināties ar serveri. Jūsu atbildes ir saglabātas šajā pārlūkā.',
    tryAgain: 'Mēģināt vēlreiz',
    serverError: 'Serveris atteica: {message}',
    noServer: 'Šai kursa versijai nav servera (piemēram, tā atvērta no failiem vai mācību vidē), tāpēc noslēguma testa nav. Sertifikāta lapā varat izveidot neparakstītu pabeigšanas apliecinājumu: tas neapliecina noslēguma testu, un to nevar pārbaudīt.',
    modulesMode: 'Šī iestāde sertifikātus izsniedz pēc moduļu uzdevumiem, bez noslēguma testa. Sertifikātā ir norādīts, ka tas apliecina moduļu uzdevumu nokārtošanu.',
    resumed: 'Turpināt iesākto mēģinājumu: jūsu atbildes ir saglabātas.',
    loading: 'Ielādē noslēguma testu…',
    scriptFailed: 'Noslēguma testu neizdevās ielādēt. Pārbaudiet savienojumu un pārlādējiet lapu.',
    loadingStep: 'Ielādē situācijas turpinājumu…',
    stepMissing: 'Situācijas turpinājums vēl nav ielādēts. Mēģiniet vēlreiz.',
    continueStory: 'Turpināt',
    storyFixed: 'atbildes nostiprinātas',
    toCertificatePage: 'Uz sertifikāta lapu',
    passedBefore: 'Noslēguma tests šajā pārlūkā jau ir nokārtots, un rezultāts ir saglabāts.',
  },
  en: {
    heading: 'Final test',
    intro: 'The final test checks whether you can apply the guidelines to new situations. Its questions are not in the module quizzes and the server grades the answers, so the certificate attests what you know.',
    rules: 'The test has {total} situations from all modules. You have {minutes} minutes. You are not told after each answer whether it is right; you see your result after submitting. In situations that go on, the server fixes each answer when it shows what happens next, so it can no longer be changed. You can submit once, and you need at least {pass} to pass.',
    needsModules: 'You can start the final test once every module is passed. Still to pass: {count}.',
    modulesLink: 'To the course modules',
    start: 'Start the final test',
    starting: 'Preparing the test…',
    counter: 'Situation {n} of {total}',
    timeLeft: 'Time left: until {time}',
    next: 'Next',
    selectOne: 'Choose one answer.',
    selectMany: 'Choose every answer that applies.',
    missingAnswer: 'Choose an answer first.',
    reviewHeading: 'Review your answers before submitting',
    reviewIntro: 'You can change any answer. You can submit only once.',
    answered: 'answered',
    notAnswered: 'not answered',
    change: 'Change',
    submit: 'Submit the test',
    submitting: 'Submitting…',
    unansweredWarning: 'Situations not answered: {count}. They earn no points.',
    passedHeading: 'Final test passed',
    failedHeading: 'Final test not passed',
    score: 'Your score: {percent} (needed: {pass}).',
    passedNext: 'You can now get your certificate. It will state the final test score and date.',
    toCertificate: 'Get the certificate',
    failedReview: 'Review these modules and try again:',
    retry: 'Start a new attempt',
    retryAt: 'You can start a new attempt after {time}.',
    backoff: 'Several attempts in a row did not pass, so you can start the next one after {time}. Meanwhile, review the modules your result named.',
    attemptOpen: 'You already have a final test in progress: continue it in the browser where you started it. You can start a new attempt after {time}, when the time of the one in progress runs out.',
    attemptsUsed: 'The final test attempts allowed in this browser are used. You can start a new attempt after {time}.',
    sharedAttemptOpen: 'As many final tests as are allowed at once are in progress from your internet address or network, which your colleagues may share with you. None of them is yours. You can start a new attempt after {time}, when the first of them runs out.',
    sharedBackoff: 'Many attempts in a row from your internet address or network, which your colleagues may share with you, did not pass, so the next attempt from it can start after {time}. This applies to everyone who uses the address, not only to you.',
    sharedAttemptsUsed: 'The final test attempts allowed for your internet address or network, which your colleagues may share with you, are used. You can start a new attempt after {time}.',
    expired: 'The time for this attempt is over, so it can no longer be submitted. Start a new attempt.',
    alreadySubmitted: 'This attempt has already been submitted. Start a new attempt.',
    networkError: 'Could not reach the server. Your answers are kept in this browser.',
    tryAgain: 'Try again',
    serverError: 'The server refused: {message}',
    noServer: 'This copy of the course has no server (it may be opened from files or in a learning platform), so there is no final test. On the certificate page you can create an unsigned completion record: it does not attest a final test and cannot be verified.',
    modulesMode: 'This institution issues certificates after the module quizzes, without a final test. The certificate states that it attests the module quizzes.',
    resumed: 'Continuing the attempt you started: your answers are kept.',
    loading: 'Loading the final test…',
    scriptFailed: 'The final test could not be loaded. Check your connection and reload the page.',
    loadingStep: 'Loading what happens next…',
    stepMissing: 'What happens next has not loaded yet. Please try again.',
    continueStory: 'Continue',
    storyFixed: 'answers fixed',
    toCertificatePage: 'To the certificate page',
    passedBefore: 'You have already passed the final test in this browser, and the result is kept.',
  },
};
