<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en">
<context>
    <name>AlignmentGutter</name>
    <message>
        <source>Passage aligned with another source: click to show its counterpart</source>
        <translation>Passage aligné avec une autre source : cliquez pour afficher son équivalent</translation>
    </message>
</context>
<context>
    <name>ClaimEditor</name>
    <message>
        <source>No claim selected</source>
        <translation>Aucune affirmation sélectionnée</translation>
    </message>
    <message>
        <source>The checkable statement, in your words</source>
        <translation>L&apos;énoncé vérifiable, dans vos mots</translation>
    </message>
    <message>
        <source>Who made the claim</source>
        <translation>Qui a fait l&apos;affirmation</translation>
    </message>
    <message>
        <source>Why this verdict: what the evidence shows</source>
        <translation>Pourquoi ce verdict : ce que montrent les preuves</translation>
    </message>
    <message>
        <source>tags, comma separated</source>
        <translation>étiquettes, séparées par des virgules</translation>
    </message>
    <message>
        <source>Statement</source>
        <translation>Énoncé</translation>
    </message>
    <message>
        <source>Claimant</source>
        <translation>Auteur</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-JJ</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Rationale</source>
        <translation>Justification</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Éléments de preuve</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Où</translation>
    </message>
    <message>
        <source>Cite external reference…</source>
        <translation>Citer une référence externe…</translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation>Retirer l’élément sélectionné</translation>
    </message>
    <message>
        <source>Appearances</source>
        <translation>Occurrences</translation>
    </message>
    <message>
        <source>Related</source>
        <translation>Liées</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>— no verdict —</source>
        <translation>— sans verdict —</translation>
    </message>
    <message>
        <source>Claim #{0}</source>
        <translation>Affirmation n° {0}</translation>
    </message>
    <message>
        <source>Concluded by {0}</source>
        <translation>Conclu par {0}</translation>
    </message>
    <message>
        <source>⚠ {0} copies {1} characters of {2}: not independent sources</source>
        <translation>⚠ {0} copie {1} caractères de {2} : sources non indépendantes</translation>
    </message>
    <message>
        <source>source {0}</source>
        <translation>source {0}</translation>
    </message>
    <message>
        <source>Supports</source>
        <translation>Confirme</translation>
    </message>
    <message>
        <source>Refutes</source>
        <translation>Réfute</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Contexte</translation>
    </message>
    <message>
        <source>same as</source>
        <translation>identique à</translation>
    </message>
    <message>
        <source>contradicts</source>
        <translation>contredit</translation>
    </message>
    <message>
        <source>supports</source>
        <translation>confirme</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <source>#</source>
        <translation>n°</translation>
    </message>
    <message>
        <source>Statement</source>
        <translation>Énoncé</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Claimant</source>
        <translation>Auteur</translation>
    </message>
    <message>
        <source>App.</source>
        <translation>Occ.</translation>
    </message>
    <message>
        <source>Evid.</source>
        <translation>Preuves</translation>
    </message>
    <message>
        <source>{0} appearance(s), {1} evidence</source>
        <translation>{0} occurrence(s), {1} élément(s) de preuve</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Outlet</source>
        <translation>Média</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Claims</source>
        <translation>Aff.</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>Résultat</translation>
    </message>
</context>
<context>
    <name>Compare</name>
    <message>
        <source>quoted in different words (translation or paraphrase)</source>
        <translation>cité en d’autres termes (traduction ou paraphrase)</translation>
    </message>
    <message>
        <source>same count stated differently</source>
        <translation>même nombre exprimé autrement</translation>
    </message>
    <message>
        <source>attributed to</source>
        <translation>attribué à</translation>
    </message>
    <message>
        <source>interacted with</source>
        <translation>a échangé avec</translation>
    </message>
    <message>
        <source>talked</source>
        <translation>se sont parlé</translation>
    </message>
    <message>
        <source>source</source>
        <translation>source</translation>
    </message>
    <message>
        <source>vs</source>
        <translation>contre</translation>
    </message>
    <message>
        <source>how</source>
        <translation>comment</translation>
    </message>
    <message>
        <source>and</source>
        <translation>et</translation>
    </message>
    <message>
        <source>recycled</source>
        <translation>recyclée</translation>
    </message>
    <message>
        <source>relay</source>
        <translation>relais</translation>
    </message>
    <message>
        <source>boilerplate</source>
        <translation>parasites</translation>
    </message>
</context>
<context>
    <name>CompareController</name>
    <message>
        <source>Claim from pair</source>
        <translation>Affirmation depuis une paire</translation>
    </message>
    <message>
        <source>No aligned passage here (run Compare first).</source>
        <translation>Aucun passage aligné ici (lancez d&apos;abord Comparer).</translation>
    </message>
</context>
<context>
    <name>ComparePanel</name>
    <message>
        <source>Figures and amounts</source>
        <translation>Chiffres et montants</translation>
    </message>
    <message>
        <source>Counts and ordinals</source>
        <translation>Décomptes et ordinaux</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Dates</translation>
    </message>
    <message>
        <source>Who spoke / who said it</source>
        <translation>Qui a parlé / qui l&apos;a dit</translation>
    </message>
    <message>
        <source>Quote wording</source>
        <translation>Formulation des citations</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autres</translation>
    </message>
    <message>
        <source>Compare the dossier&apos;s sources to find contradictions and copies.</source>
        <translation>Comparez les sources du dossier pour trouver contradictions et copies.</translation>
    </message>
    <message>
        <source>Compare sources</source>
        <translation>Comparer les sources</translation>
    </message>
    <message>
        <source>Claim from this pair</source>
        <translation>Affirmation depuis cette paire</translation>
    </message>
    <message>
        <source>Comparing…</source>
        <translation>Comparaison…</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Comparer</translation>
    </message>
    <message>
        <source>Comparison cancelled.</source>
        <translation>Comparaison annulée.</translation>
    </message>
    <message>
        <source>source {0}</source>
        <translation>source {0}</translation>
    </message>
    <message>
        <source>Recycled and relayed sources</source>
        <translation>Sources recyclées et relais</translation>
    </message>
    <message>
        <source>copy</source>
        <translation>copie</translation>
    </message>
    <message>
        <source>translation</source>
        <translation>traduction</translation>
    </message>
    <message>
        <source>common source</source>
        <translation>source commune</translation>
    </message>
    <message>
        <source>{0} gives the same passage twice ({1} characters)</source>
        <translation>{0} donne deux fois le même passage ({1} caractères)</translation>
    </message>
    <message>
        <source>Copied passages</source>
        <translation>Passages copiés</translation>
    </message>
    <message>
        <source>{0} repeats {1} characters of {2}</source>
        <translation>{0} reprend {1} caractères de {2}</translation>
    </message>
    <message>
        <source>Boilerplate (not the article)</source>
        <translation>Parasites (hors article)</translation>
    </message>
    <message>
        <source>Aligned passages</source>
        <translation>Passages alignés</translation>
    </message>
    <message>
        <source> (recycled: another event)</source>
        <translation> (recyclé : un autre événement)</translation>
    </message>
    <message>
        <source>{0} discrepancies, {1} copied passages, {2} aligned passages; event date {3}.</source>
        <translation>{0} divergences, {1} passages copiés, {2} passages alignés ; date de l&apos;événement {3}.</translation>
    </message>
</context>
<context>
    <name>CompareSummary</name>
    <message>
        <source>Event date: {0}</source>
        <translation>Date de l’événement : {0}</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnue</translation>
    </message>
    <message>
        <source>undated</source>
        <translation>non datée</translation>
    </message>
    <message>
        <source>Aligned passages: {0}</source>
        <translation>Passages alignés : {0}</translation>
    </message>
    <message>
        <source>Discrepancies: {0}</source>
        <translation>Divergences : {0}</translation>
    </message>
    <message>
        <source>source {0} @{1}</source>
        <translation>source {0} @{1}</translation>
    </message>
    <message>
        <source>Source {0} ({1}): {2}</source>
        <translation>Source {0} ({1}) : {2}</translation>
    </message>
    <message>
        <source>Source {0}: {1} boilerplate line(s) (menus, captions, links)</source>
        <translation>Source {0} : {1} ligne(s) de gabarit (menus, légendes, liens)</translation>
    </message>
    <message>
        <source>Reuse ({0}): source {1} repeats {2} characters of source {3}</source>
        <translation>Reprise ({0}) : la source {1} reprend {2} caractères de la source {3}</translation>
    </message>
    <message>
        <source>Reuse ({0}) inside source {1}: {2} characters</source>
        <translation>Reprise ({0}) dans la source {1} : {2} caractères</translation>
    </message>
    <message>
        <source>copy</source>
        <translation>copie</translation>
    </message>
    <message>
        <source>translation</source>
        <translation>traduction</translation>
    </message>
    <message>
        <source>common source</source>
        <translation>source commune</translation>
    </message>
    <message>
        <source>recycled</source>
        <translation>recyclée</translation>
    </message>
    <message>
        <source>relay</source>
        <translation>relais</translation>
    </message>
</context>
<context>
    <name>DriftDialog</name>
    <message>
        <source>Revisions and drift</source>
        <translation>Révisions et écarts</translation>
    </message>
</context>
<context>
    <name>DriftModel</name>
    <message>
        <source>to review</source>
        <translation>à relire</translation>
    </message>
    <message>
        <source>sent back to review</source>
        <translation>renvoyée en relecture</translation>
    </message>
    <message>
        <source>dismissed</source>
        <translation>ignoré</translation>
    </message>
</context>
<context>
    <name>DriftView</name>
    <message>
        <source>Revision {0} · imported {1}</source>
        <translation>Révision {0} · importée le {1}</translation>
    </message>
    <message>
        <source>Send back to review</source>
        <translation>Renvoyer en relecture</translation>
    </message>
    <message>
        <source>Dismiss flag</source>
        <translation>Ignorer le signalement</translation>
    </message>
    <message>
        <source>Older:</source>
        <translation>Plus ancienne :</translation>
    </message>
    <message>
        <source>Newer:</source>
        <translation>Plus récente :</translation>
    </message>
    <message>
        <source>{0} span(s): {1}. {2} claim(s) to review.</source>
        <translation>{0} passage(s) : {1}. {2} affirmation(s) à relire.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>Include each claim&apos;s history</source>
        <translation>Inclure l&apos;historique de chaque affirmation</translation>
    </message>
    <message>
        <source>Count drafts (claims not concluded) in the verdict chart</source>
        <translation>Compter les brouillons (affirmations non conclues) dans le graphique des verdicts</translation>
    </message>
    <message>
        <source>Add the discrepancies between sources</source>
        <translation>Ajouter les divergences entre sources</translation>
    </message>
    <message>
        <source>Open when done</source>
        <translation>Ouvrir à la fin</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Only verdicts</source>
        <translation>Seulement les verdicts</translation>
    </message>
    <message>
        <source>Only sources</source>
        <translation>Seulement les sources</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>report</source>
        <translation>rapport</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Exporter vers</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>the organisation name (Dossier ▸ Publication settings)</source>
        <translation>le nom de l’organisation (Dossier ▸ Réglages de publication)</translation>
    </message>
    <message>
        <source>the organisation URL (Dossier ▸ Publication settings)</source>
        <translation>l’URL de l’organisation (Dossier ▸ Réglages de publication)</translation>
    </message>
    <message>
        <source>the publication URL (Dossier ▸ Publication settings)</source>
        <translation>l’URL de publication (Dossier ▸ Réglages de publication)</translation>
    </message>
    <message>
        <source>who made claim {0} (its claimant)</source>
        <translation>l’auteur de l’affirmation {0}</translation>
    </message>
    <message>
        <source>the statement of claim {0}</source>
        <translation>l’énoncé de l’affirmation {0}</translation>
    </message>
    <message>
        <source>; </source>
        <comment>between the missing parts</comment>
        <translation> ; </translation>
    </message>
    <message>
        <source>ClaimReview not written: Google needs {0}.</source>
        <translation>ClaimReview non écrit : Google demande {0}.</translation>
    </message>
    <message>
        <source>Choose a file to export to.</source>
        <translation>Choisissez un fichier de destination.</translation>
    </message>
    <message>
        <source>Exported {0}</source>
        <translation>Exporté : {0}</translation>
    </message>
</context>
<context>
    <name>ExternalReferenceDialog</name>
    <message>
        <source>Cite an external reference</source>
        <translation>Citer une référence externe</translation>
    </message>
    <message>
        <source>Supports</source>
        <translation>Confirme</translation>
    </message>
    <message>
        <source>Refutes</source>
        <translation>Réfute</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Contexte</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-JJ</translation>
    </message>
    <message>
        <source>Stance</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation>Éditeur</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Publié le</translation>
    </message>
    <message>
        <source>Accessed</source>
        <translation>Consulté le</translation>
    </message>
    <message>
        <source>Archive URL</source>
        <translation>URL d&apos;archive</translation>
    </message>
    <message>
        <source>Quoted passage</source>
        <translation>Passage cité</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>statement</source>
        <translation>l’énoncé</translation>
    </message>
    <message>
        <source>claimant</source>
        <translation>l’auteur</translation>
    </message>
    <message>
        <source>claim date</source>
        <translation>la date de l’affirmation</translation>
    </message>
    <message>
        <source>tags</source>
        <translation>les étiquettes</translation>
    </message>
    <message>
        <source>rationale</source>
        <translation>la justification</translation>
    </message>
    <message>
        <source>verdict</source>
        <translation>le verdict</translation>
    </message>
    <message>
        <source>status</source>
        <translation>le statut</translation>
    </message>
    <message>
        <source>claim</source>
        <translation>l’affirmation</translation>
    </message>
    <message>
        <source>appearance</source>
        <translation>l’occurrence</translation>
    </message>
    <message>
        <source>evidence</source>
        <translation>l’élément de preuve</translation>
    </message>
    <message>
        <source>relation</source>
        <translation>le lien</translation>
    </message>
</context>
<context>
    <name>Formats</name>
    <message>
        <source>HTML report</source>
        <translation>Rapport HTML</translation>
    </message>
    <message>
        <source>PDF report</source>
        <translation>Rapport PDF</translation>
    </message>
    <message>
        <source>Markdown report</source>
        <translation>Rapport Markdown</translation>
    </message>
    <message>
        <source>Word document</source>
        <translation>Document Word</translation>
    </message>
    <message>
        <source>Workbench dossier (JSON)</source>
        <translation>Dossier Workbench (JSON)</translation>
    </message>
    <message>
        <source>Claims table (CSV)</source>
        <translation>Tableau des affirmations (CSV)</translation>
    </message>
    <message>
        <source>ClaimReview (schema.org JSON-LD)</source>
        <translation>ClaimReview (JSON-LD schema.org)</translation>
    </message>
    <message>
        <source>W3C Web Annotations (JSON-LD)</source>
        <translation>Annotations Web W3C (JSON-LD)</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>created</source>
        <translation>création</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>modification</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>suppression</translation>
    </message>
    <message>
        <source>restored</source>
        <translation>restauration</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <source>not a PDF file</source>
        <translation>ce n’est pas un fichier PDF</translation>
    </message>
    <message>
        <source>the PDF is password-protected</source>
        <translation>le PDF est protégé par un mot de passe</translation>
    </message>
    <message>
        <source>damaged or truncated PDF (PDFium cannot read it)</source>
        <translation>PDF endommagé ou tronqué (PDFium ne peut pas le lire)</translation>
    </message>
    <message>
        <source>truncated PDF (the end of the file is missing)</source>
        <translation>PDF tronqué (la fin du fichier manque)</translation>
    </message>
    <message>
        <source>no text layer: the PDF needs OCR</source>
        <translation>pas de couche texte : le PDF doit passer par l’OCR</translation>
    </message>
    <message>
        <source>the PDF has no pages</source>
        <translation>le PDF n’a aucune page</translation>
    </message>
    <message>
        <source>timed out after</source>
        <translation>délai dépassé après</translation>
    </message>
    <message>
        <source>the PDF parser crashed</source>
        <translation>l’analyseur PDF s’est arrêté brutalement</translation>
    </message>
    <message>
        <source>not a valid Word document (corrupt file or not a .docx)</source>
        <translation>document Word non valide (fichier corrompu ou autre qu’un .docx)</translation>
    </message>
    <message>
        <source>the document holds no text</source>
        <translation>le document ne contient aucun texte</translation>
    </message>
    <message>
        <source>not a text file (binary content or unknown encoding)</source>
        <translation>ce n’est pas un fichier texte (contenu binaire ou encodage inconnu)</translation>
    </message>
    <message>
        <source>the file holds no text</source>
        <translation>le fichier ne contient aucun texte</translation>
    </message>
    <message>
        <source>nothing to import: the text is empty</source>
        <translation>rien à importer : le texte est vide</translation>
    </message>
    <message>
        <source>no article text found in the page</source>
        <translation>aucun texte d’article trouvé dans la page</translation>
    </message>
    <message>
        <source>unreadable HTML</source>
        <translation>HTML illisible</translation>
    </message>
    <message>
        <source>not an HTML page</source>
        <translation>ce n’est pas une page HTML</translation>
    </message>
    <message>
        <source>no text to store</source>
        <translation>aucun texte à enregistrer</translation>
    </message>
    <message>
        <source>no importer for</source>
        <translation>aucun importateur pour</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>le fichier est vide</translation>
    </message>
    <message>
        <source>the file is too large</source>
        <translation>le fichier est trop volumineux</translation>
    </message>
    <message>
        <source>already imported</source>
        <translation>déjà importé</translation>
    </message>
    <message>
        <source>No such file or directory</source>
        <translation>fichier ou dossier introuvable</translation>
    </message>
    <message>
        <source>Permission denied</source>
        <translation>permission refusée</translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <source>Paste source</source>
        <translation>Coller une source</translation>
    </message>
    <message>
        <source>Restored the dossier {0}</source>
        <translation>Dossier restauré : {0}</translation>
    </message>
    <message>
        <source>{0} claim(s) from {1} ({2})</source>
        <translation>{0} affirmation(s) depuis {1} ({2})</translation>
    </message>
    <message>
        <source>Import annotations</source>
        <translation>Importer des annotations</translation>
    </message>
    <message>
        <source>Import {0} source(s)</source>
        <translation>Importer {0} source(s)</translation>
    </message>
    <message>
        <source>Imported {0}, already there {1}</source>
        <translation>{0} importée(s), {1} déjà présente(s)</translation>
    </message>
    <message>
        <source>Import sources</source>
        <translation>Importer des sources</translation>
    </message>
    <message>
        <source>Sources ({0})</source>
        <translation>Sources ({0})</translation>
    </message>
</context>
<context>
    <name>ImportProgressDialog</name>
    <message>
        <source>Importing {0} file(s)</source>
        <translation>Import de {0} fichier(s)</translation>
    </message>
    <message>
        <source>Waiting…</source>
        <translation>En attente…</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progression</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>importing…</source>
        <translation>import…</translation>
    </message>
    <message>
        <source>read</source>
        <translation>lu</translation>
    </message>
    <message>
        <source>{0} of {1} file(s)</source>
        <translation>{0} sur {1} fichier(s)</translation>
    </message>
    <message>
        <source>error: {0}</source>
        <translation>erreur : {0}</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>importé</translation>
    </message>
    <message>
        <source>Imported {0}, already there {1}, failed {2}</source>
        <translation>{0} importé(s), {1} déjà présent(s), {2} en échec</translation>
    </message>
    <message>
        <source>already imported</source>
        <translation>déjà importé</translation>
    </message>
    <message>
        <source>imported, with notes: {0}</source>
        <translation>importé, avec remarques : {0}</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annulé</translation>
    </message>
    <message>
        <source>Import cancelled; files already imported stay.</source>
        <translation>Import annulé ; les fichiers déjà importés restent.</translation>
    </message>
    <message>
        <source>Cancelling after the current file…</source>
        <translation>Annulation après le fichier en cours…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Import files…</source>
        <translation>&amp;Importer des fichiers…</translation>
    </message>
    <message>
        <source>&amp;Paste as new source…</source>
        <translation>&amp;Coller comme nouvelle source…</translation>
    </message>
    <message>
        <source>Import from &amp;URL…</source>
        <translation>Importer depuis une &amp;URL…</translation>
    </message>
    <message>
        <source>P&amp;ublication settings…</source>
        <translation>Réglages de p&amp;ublication…</translation>
    </message>
    <message>
        <source>Import new &amp;version of this source…</source>
        <translation>Importer une nouvelle &amp;version de cette source…</translation>
    </message>
    <message>
        <source>&amp;Export report…</source>
        <translation>&amp;Exporter un rapport…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;New dossier…</source>
        <translation>&amp;Nouveau dossier…</translation>
    </message>
    <message>
        <source>Event &amp;date…</source>
        <translation>&amp;Date de l&apos;événement…</translation>
    </message>
    <message>
        <source>&amp;Link to another claim…</source>
        <translation>&amp;Lier à une autre affirmation…</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>&amp;New claim from selection</source>
        <translation>&amp;Nouvelle affirmation depuis la sélection</translation>
    </message>
    <message>
        <source>Add selection as &amp;appearance</source>
        <translation>Ajouter la sélection comme &amp;occurrence</translation>
    </message>
    <message>
        <source>Cite selection as &amp;supporting</source>
        <translation>Citer la sélection comme &amp;confirmation</translation>
    </message>
    <message>
        <source>Cite selection as &amp;refuting</source>
        <translation>Citer la sélection comme &amp;réfutation</translation>
    </message>
    <message>
        <source>Cite selection as &amp;context</source>
        <translation>Citer la sélection comme &amp;contexte</translation>
    </message>
    <message>
        <source>Cite e&amp;xternal reference…</source>
        <translation>Citer une référence e&amp;xterne…</translation>
    </message>
    <message>
        <source>&amp;Delete claim</source>
        <translation>&amp;Supprimer l&apos;affirmation</translation>
    </message>
    <message>
        <source>Ne&amp;xt claim</source>
        <translation>Affirmation &amp;suivante</translation>
    </message>
    <message>
        <source>Pre&amp;vious claim</source>
        <translation>Affirmation &amp;précédente</translation>
    </message>
    <message>
        <source>Verdict {0}</source>
        <translation>Verdict {0}</translation>
    </message>
    <message>
        <source>&amp;Search sources</source>
        <translation>&amp;Rechercher dans les sources</translation>
    </message>
    <message>
        <source>&amp;Filter claims</source>
        <translation>&amp;Filtrer les affirmations</translation>
    </message>
    <message>
        <source>Add &amp;pane</source>
        <translation>Ajouter un &amp;volet</translation>
    </message>
    <message>
        <source>&amp;Close pane</source>
        <translation>&amp;Fermer le volet</translation>
    </message>
    <message>
        <source>&amp;Linked scrolling</source>
        <translation>Défilement &amp;lié</translation>
    </message>
    <message>
        <source>C&amp;ompare sources</source>
        <translation>C&amp;omparer les sources</translation>
    </message>
    <message>
        <source>Claim from compared &amp;pair</source>
        <translation>Affirmation depuis la &amp;paire comparée</translation>
    </message>
    <message>
        <source>Show &amp;counterpart in another source</source>
        <translation>Afficher le passage &amp;correspondant</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>User &amp;guide</source>
        <translation>&amp;Guide d’utilisation</translation>
    </message>
    <message>
        <source>&amp;About Workbench</source>
        <translation>À &amp;propos de Workbench</translation>
    </message>
    <message>
        <source>View &amp;original (image or page)</source>
        <translation>Voir l&apos;&amp;original (image ou page)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Dossier</source>
        <translation>&amp;Dossier</translation>
    </message>
    <message>
        <source>&amp;Open dossier</source>
        <translation>&amp;Ouvrir un dossier</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>&amp;Claim</source>
        <translation>&amp;Affirmation</translation>
    </message>
    <message>
        <source>Set &amp;verdict</source>
        <translation>&amp;Verdict</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Principal</translation>
    </message>
    <message>
        <source>New dossier</source>
        <translation>Nouveau dossier</translation>
    </message>
    <message>
        <source>Name of the investigation:</source>
        <translation>Nom de l&apos;enquête :</translation>
    </message>
    <message>
        <source>Event date</source>
        <translation>Date de l&apos;événement</translation>
    </message>
    <message>
        <source>Date of the event (YYYY-MM-DD; empty: inferred from the sources):</source>
        <translation>Date de l&apos;événement (AAAA-MM-JJ ; vide : déduite des sources) :</translation>
    </message>
    <message>
        <source>Bad date {0}: use YYYY-MM-DD</source>
        <translation>Date invalide {0} : utilisez AAAA-MM-JJ</translation>
    </message>
    <message>
        <source>Select or create a claim first.</source>
        <translation>Sélectionnez ou créez d&apos;abord une affirmation.</translation>
    </message>
    <message>
        <source>Export is not available in this build.</source>
        <translation>L&apos;export n&apos;est pas disponible dans cette version.</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Sources</translation>
    </message>
    <message>
        <source>Filter claims…</source>
        <translation>Filtrer les affirmations…</translation>
    </message>
    <message>
        <source>Claims</source>
        <translation>Affirmations</translation>
    </message>
    <message>
        <source>Claim</source>
        <translation>Affirmation</translation>
    </message>
    <message>
        <source>Search all sources (accents ignored)…</source>
        <translation>Rechercher dans toutes les sources (sans accents)…</translation>
    </message>
    <message>
        <source>Names across spellings</source>
        <translation>Noms dans toutes leurs graphies</translation>
    </message>
    <message>
        <source>A name also finds its other transliterations: Ushakov finds Ouchakov and Uschakow</source>
        <translation>Un nom trouve aussi ses autres translittérations : Ouchakov trouve Ushakov et Uschakow</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Recherche</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Comparer</translation>
    </message>
    <message>
        <source>Suggest claims</source>
        <comment>dock tab, short</comment>
        <translation>Suggestions</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>All verdicts</source>
        <translation>Tous les verdicts</translation>
    </message>
    <message>
        <source>No verdict</source>
        <translation>Sans verdict</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Tous les statuts</translation>
    </message>
    <message>
        <source>All sources</source>
        <translation>Toutes les sources</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>Toutes les étiquettes</translation>
    </message>
    <message>
        <source>Select some text in a source first.</source>
        <translation>Sélectionnez d&apos;abord un passage dans une source.</translation>
    </message>
    <message>
        <source>New claim</source>
        <translation>Nouvelle affirmation</translation>
    </message>
    <message>
        <source>Add appearance</source>
        <translation>Ajouter une occurrence</translation>
    </message>
    <message>
        <source>Cite as supporting</source>
        <translation>Citer comme confirmation</translation>
    </message>
    <message>
        <source>Cite as refuting</source>
        <translation>Citer comme réfutation</translation>
    </message>
    <message>
        <source>Cite as context</source>
        <translation>Citer comme contexte</translation>
    </message>
    <message>
        <source>Cite external reference</source>
        <translation>Citer une référence externe</translation>
    </message>
    <message>
        <source>Change {0}</source>
        <translation>Modifier {0}</translation>
    </message>
    <message>
        <source>Link claims</source>
        <translation>Lier des affirmations</translation>
    </message>
    <message>
        <source>Delete {0}</source>
        <translation>Supprimer {0}</translation>
    </message>
    <message>
        <source>{0} match(es)</source>
        <translation>{0} résultat(s)</translation>
    </message>
    <message>
        <source>Open in a new pane</source>
        <translation>Ouvrir dans un nouveau volet</translation>
    </message>
    <message>
        <source>Edit metadata…</source>
        <translation>Modifier les métadonnées…</translation>
    </message>
    <message>
        <source>Import new version…</source>
        <translation>Importer une nouvelle version…</translation>
    </message>
    <message>
        <source>Revisions and drift…</source>
        <translation>Révisions et écarts…</translation>
    </message>
    <message>
        <source>Move to trash</source>
        <translation>Mettre à la corbeille</translation>
    </message>
    <message>
        <source>Edit source</source>
        <translation>Modifier la source</translation>
    </message>
    <message>
        <source>Trash source</source>
        <translation>Mettre la source à la corbeille</translation>
    </message>
    <message>
        <source>Workbench</source>
        <translation>Workbench</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Réglages</translation>
    </message>
    <message>
        <source>Rating &amp;scale of this dossier</source>
        <translation>Échelle de &amp;verdicts du dossier</translation>
    </message>
    <message>
        <source>Interface &amp;language</source>
        <translation>&amp;Langue de l&apos;interface</translation>
    </message>
    <message>
        <source>Your &amp;name…</source>
        <translation>Votre &amp;nom…</translation>
    </message>
    <message>
        <source>&amp;Organisation name…</source>
        <translation>Nom de l&apos;&amp;organisation…</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Thème</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Votre nom</translation>
    </message>
    <message>
        <source>Your name, as history and reports will show it:</source>
        <translation>Votre nom, tel que l&apos;historique et les rapports l&apos;afficheront :</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Name of the fact-checking organisation (signs reports and ClaimReview):</source>
        <translation>Nom de l&apos;organisation de vérification (signe les rapports et ClaimReview) :</translation>
    </message>
    <message>
        <source>This dossier has no source yet</source>
        <translation>Ce dossier n’a pas encore de source</translation>
    </message>
    <message>
        <source>Drop PDF, Word, HTML or text files on this window, import them, or paste an article&apos;s text.
Then select a sentence in a source and press Ctrl+N to turn it into a claim.</source>
        <translation>Déposez des fichiers PDF, Word, HTML ou texte sur cette fenêtre, importez-les, ou collez le texte d’un article.
Sélectionnez ensuite une phrase dans une source et appuyez sur Ctrl+N pour en faire une affirmation.</translation>
    </message>
    <message>
        <source>Import files…</source>
        <translation>Importer des fichiers…</translation>
    </message>
    <message>
        <source>Paste text…</source>
        <translation>Coller du texte…</translation>
    </message>
    <message>
        <source>Read the user guide</source>
        <translation>Lire le guide d’utilisation</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>Guide d’utilisation</translation>
    </message>
    <message>
        <source>The user guide is not installed.</source>
        <translation>Le guide d’utilisation n’est pas installé.</translation>
    </message>
    <message>
        <source>Workbench {0}
A desktop fact-checking workbench: sources side by side, claims, evidence, comparison and reports.
Free software under the GNU GPL version 3 or later.
Qt for Python (PySide6) {1}.</source>
        <translation>Workbench {0}
Un poste de vérification des faits : sources côte à côte, affirmations, preuves, comparaison et rapports.
Logiciel libre sous licence GNU GPL version 3 ou ultérieure.
Qt pour Python (PySide6) {1}.</translation>
    </message>
    <message>
        <source>About Workbench</source>
        <translation>À propos de Workbench</translation>
    </message>
    <message>
        <source>Verdict: {0}</source>
        <translation>Verdict : {0}</translation>
    </message>
</context>
<context>
    <name>OriginalDialog</name>
    <message>
        <source>Original: {0}</source>
        <translation>Original : {0}</translation>
    </message>
    <message>
        <source>Page </source>
        <translation>Page </translation>
    </message>
    <message>
        <source>{0} OCR word(s) on this page, {1} selected</source>
        <translation>{0} mot(s) lu(s) par OCR sur cette page, {1} sélectionné(s)</translation>
    </message>
</context>
<context>
    <name>PasteSourceDialog</name>
    <message>
        <source>Paste a source</source>
        <translation>Coller une source</translation>
    </message>
    <message>
        <source>Paste the text here</source>
        <translation>Collez le texte ici</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-JJ</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Outlet</source>
        <translation>Média</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Auteur</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Publié le</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
</context>
<context>
    <name>PublicationDialog</name>
    <message>
        <source>Publication settings</source>
        <translation>Réglages de publication</translation>
    </message>
    <message>
        <source>https://example.org/fact-checks/{claim}</source>
        <translation>https://example.org/verifications/{claim}</translation>
    </message>
    <message>
        <source>From the report language</source>
        <translation>Selon la langue du rapport</translation>
    </message>
    <message>
        <source>US Letter</source>
        <translation>US Letter</translation>
    </message>
    <message>
        <source>Logo set</source>
        <translation>Logo défini</translation>
    </message>
    <message>
        <source>No logo</source>
        <translation>Pas de logo</translation>
    </message>
    <message>
        <source>Choose logo…</source>
        <translation>Choisir un logo…</translation>
    </message>
    <message>
        <source>Organisation:</source>
        <translation>Organisation :</translation>
    </message>
    <message>
        <source>Organisation URL:</source>
        <translation>URL de l’organisation :</translation>
    </message>
    <message>
        <source>Logo (PNG or JPEG):</source>
        <translation>Logo (PNG ou JPEG) :</translation>
    </message>
    <message>
        <source>Publication URL of this dossier:</source>
        <translation>URL de publication de ce dossier :</translation>
    </message>
    <message>
        <source>Paper size:</source>
        <translation>Format de papier :</translation>
    </message>
    <message>
        <source>Your name in bylines:</source>
        <translation>Votre nom dans les signatures :</translation>
    </message>
    <message>
        <source>{claim} in the publication URL is replaced by the claim number; without it, each claim is an anchor of the page.</source>
        <translation>{claim} dans l’URL de publication est remplacé par le numéro de l’affirmation ; sans lui, chaque affirmation est une ancre de la page.</translation>
    </message>
    <message>
        <source>Choose a logo</source>
        <translation>Choisir un logo</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Images (*.png *.jpg *.jpeg)</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Folder</source>
        <translation>Dossier</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Voir dans :</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Fichiers de &amp;type :</translation>
    </message>
</context>
<context>
    <name>RelateDialog</name>
    <message>
        <source>Link to another claim</source>
        <translation>Lier à une autre affirmation</translation>
    </message>
    <message>
        <source>is the same claim as</source>
        <translation>est la même affirmation que</translation>
    </message>
    <message>
        <source>contradicts</source>
        <translation>contredit</translation>
    </message>
    <message>
        <source>supports</source>
        <translation>confirme</translation>
    </message>
    <message>
        <source>This claim</source>
        <translation>Cette affirmation</translation>
    </message>
    <message>
        <source>Other claim</source>
        <translation>Autre affirmation</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>Verification report</source>
        <translation>Rapport de vérification</translation>
    </message>
    <message>
        <source>Generated</source>
        <translation>Généré le</translation>
    </message>
    <message>
        <source>Published by</source>
        <translation>Publié par</translation>
    </message>
    <message>
        <source>Event date</source>
        <translation>Date de l’événement</translation>
    </message>
    <message>
        <source>Selection</source>
        <translation>Sélection</translation>
    </message>
    <message>
        <source>All claims of the dossier</source>
        <translation>Toutes les affirmations du dossier</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Synthèse</translation>
    </message>
    <message>
        <source>Claims in this report</source>
        <translation>Affirmations dans ce rapport</translation>
    </message>
    <message>
        <source>No verdict yet</source>
        <translation>Pas encore de verdict</translation>
    </message>
    <message>
        <source>Claims</source>
        <translation>Affirmations</translation>
    </message>
    <message>
        <source>Claim</source>
        <translation>Affirmation</translation>
    </message>
    <message>
        <source>Claimant</source>
        <translation>Auteur de l’affirmation</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Concluded by</source>
        <translation>Conclu par</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <source>Rationale</source>
        <translation>Justification</translation>
    </message>
    <message>
        <source>Where the claim appears</source>
        <translation>Où l’affirmation apparaît</translation>
    </message>
    <message>
        <source>No appearance recorded.</source>
        <translation>Aucune occurrence enregistrée.</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Éléments de preuve</translation>
    </message>
    <message>
        <source>No evidence recorded.</source>
        <translation>Aucun élément de preuve enregistré.</translation>
    </message>
    <message>
        <source>Related claims</source>
        <translation>Affirmations liées</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Modification</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Sources</translation>
    </message>
    <message>
        <source>Outlet</source>
        <translation>Média</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Auteur</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Publié le</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importé le</translation>
    </message>
    <message>
        <source>Discrepancies between sources</source>
        <translation>Divergences entre les sources</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Rating scale</source>
        <translation>Échelle de notation</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Libellé</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Archive</translation>
    </message>
    <message>
        <source>accessed</source>
        <translation>consulté le</translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation>Éditeur</translation>
    </message>
    <message>
        <source>Quoted passage</source>
        <translation>Passage cité</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>External reference</source>
        <translation>Référence externe</translation>
    </message>
    <message>
        <source>page</source>
        <translation>page</translation>
    </message>
    <message>
        <source>Report generated by</source>
        <translation>Rapport généré par</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>To check</source>
        <translation>À vérifier</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>In review</source>
        <translation>En relecture</translation>
    </message>
    <message>
        <source>Concluded</source>
        <translation>Conclu</translation>
    </message>
    <message>
        <source>Supports the claim</source>
        <translation>Confirme l’affirmation</translation>
    </message>
    <message>
        <source>Refutes the claim</source>
        <translation>Contredit l’affirmation</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Contexte</translation>
    </message>
    <message>
        <source>Same as</source>
        <translation>Identique à</translation>
    </message>
    <message>
        <source>Contradicts</source>
        <translation>Contredit</translation>
    </message>
    <message>
        <source>Supports</source>
        <translation>Appuie</translation>
    </message>
    <message>
        <source>Our verdict</source>
        <translation>Notre verdict</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>Explication</translation>
    </message>
    <message>
        <source>Fact-check by {names}</source>
        <translation>Vérification : {names}</translation>
    </message>
    <message>
        <source>Published {date}</source>
        <translation>Publié le {date}</translation>
    </message>
    <message>
        <source>updated {date}</source>
        <translation>mis à jour le {date}</translation>
    </message>
    <message>
        <source>Claim made by {who}</source>
        <translation>Auteur : {who}</translation>
    </message>
    <message>
        <source> on {date}</source>
        <translation>, le {date}</translation>
    </message>
    <message>
        <source>the editorial team</source>
        <translation>la rédaction</translation>
    </message>
    <message>
        <source>and</source>
        <translation>et</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Brouillon</translation>
    </message>
    <message>
        <source>Draft · {status}</source>
        <translation>Brouillon · {status}</translation>
    </message>
    <message>
        <source>Not concluded yet: this is a draft, not a published verdict.</source>
        <translation>Pas encore conclu : ceci est un brouillon, pas un verdict publié.</translation>
    </message>
    <message>
        <source>Working verdict (not final)</source>
        <translation>Verdict de travail (non définitif)</translation>
    </message>
    <message>
        <source>{n} draft(s) not concluded, not counted in the chart</source>
        <translation>{n} brouillon(s) non conclu(s), non compté(s) dans le graphique</translation>
    </message>
    <message>
        <source>Drafts (not concluded) are counted in the chart</source>
        <translation>Les brouillons (non conclus) sont comptés dans le graphique</translation>
    </message>
    <message>
        <source>Updates and corrections</source>
        <translation>Mises à jour et corrections</translation>
    </message>
    <message>
        <source>No correction since publication.</source>
        <translation>Aucune correction depuis la publication.</translation>
    </message>
    <message>
        <source>Update of {date}</source>
        <translation>Mise à jour du {date}</translation>
    </message>
    <message>
        <source>archived copy</source>
        <translation>copie archivée</translation>
    </message>
    <message>
        <source>captured {date}</source>
        <translation>capturée le {date}</translation>
    </message>
    <message>
        <source>original</source>
        <translation>original</translation>
    </message>
    <message>
        <source>About the sources</source>
        <translation>À propos des sources</translation>
    </message>
    <message>
        <source>{who} recorded the claim.</source>
        <translation>{who} a enregistré l’affirmation.</translation>
    </message>
    <message>
        <source>{who} withdrew the claim.</source>
        <translation>{who} a retiré l’affirmation.</translation>
    </message>
    <message>
        <source>{who} restored the claim.</source>
        <translation>{who} a rétabli l’affirmation.</translation>
    </message>
    <message>
        <source>{who} recorded where the claim appeared.</source>
        <translation>{who} a indiqué où l’affirmation est parue.</translation>
    </message>
    <message>
        <source>{who} removed a place where the claim appeared.</source>
        <translation>{who} a retiré un endroit où l’affirmation est parue.</translation>
    </message>
    <message>
        <source>{who} restored a place where the claim appeared.</source>
        <translation>{who} a rétabli un endroit où l’affirmation est parue.</translation>
    </message>
    <message>
        <source>{who} added a piece of evidence.</source>
        <translation>{who} a ajouté un élément de preuve.</translation>
    </message>
    <message>
        <source>{who} removed a piece of evidence.</source>
        <translation>{who} a retiré un élément de preuve.</translation>
    </message>
    <message>
        <source>{who} restored a piece of evidence.</source>
        <translation>{who} a rétabli un élément de preuve.</translation>
    </message>
    <message>
        <source>{who} revised {what} of a piece of evidence.</source>
        <translation>{who} a revu {what} d’un élément de preuve.</translation>
    </message>
    <message>
        <source>{who} linked the claim to another claim.</source>
        <translation>{who} a lié l’affirmation à une autre affirmation.</translation>
    </message>
    <message>
        <source>{who} removed a link to another claim.</source>
        <translation>{who} a retiré un lien vers une autre affirmation.</translation>
    </message>
    <message>
        <source>{who} restored a link to another claim.</source>
        <translation>{who} a rétabli un lien vers une autre affirmation.</translation>
    </message>
    <message>
        <source>{who} set the status to “{after}”.</source>
        <translation>{who} a donné le statut « {after} ».</translation>
    </message>
    <message>
        <source>{who} cleared the status “{before}”.</source>
        <translation>{who} a retiré le statut « {before} ».</translation>
    </message>
    <message>
        <source>{who} moved the claim from “{before}” to “{after}”.</source>
        <translation>{who} a fait passer l’affirmation de « {before} » à « {after} ».</translation>
    </message>
    <message>
        <source>{who} gave the verdict “{after}”.</source>
        <translation>{who} a rendu le verdict « {after} ».</translation>
    </message>
    <message>
        <source>{who} withdrew the verdict “{before}”.</source>
        <translation>{who} a retiré le verdict « {before} ».</translation>
    </message>
    <message>
        <source>{who} changed the verdict from “{before}” to “{after}”.</source>
        <translation>{who} a changé le verdict de « {before} » en « {after} ».</translation>
    </message>
    <message>
        <source>{who} revised {what}.</source>
        <translation>{who} a revu {what}.</translation>
    </message>
    <message>
        <source>{who} changed the claim.</source>
        <translation>{who} a modifié l’affirmation.</translation>
    </message>
    <message>
        <source>the wording of the claim</source>
        <translation>la formulation de l’affirmation</translation>
    </message>
    <message>
        <source>who made the claim</source>
        <translation>l’auteur de l’affirmation</translation>
    </message>
    <message>
        <source>the date of the claim</source>
        <translation>la date de l’affirmation</translation>
    </message>
    <message>
        <source>the explanation</source>
        <translation>l’explication</translation>
    </message>
    <message>
        <source>the tags</source>
        <translation>les étiquettes</translation>
    </message>
    <message>
        <source>the note</source>
        <translation>la note</translation>
    </message>
    <message>
        <source>the stance</source>
        <translation>la position</translation>
    </message>
    <message>
        <source>the claim</source>
        <translation>l’affirmation</translation>
    </message>
    <message>
        <source>A number differs</source>
        <translation>Un chiffre diffère</translation>
    </message>
    <message>
        <source>A count differs</source>
        <translation>Un décompte diffère</translation>
    </message>
    <message>
        <source>A date differs</source>
        <translation>Une date diffère</translation>
    </message>
    <message>
        <source>Who took part differs</source>
        <translation>Les participants diffèrent</translation>
    </message>
    <message>
        <source>The wording of a quotation differs</source>
        <translation>Le libellé d’une citation diffère</translation>
    </message>
    <message>
        <source>Another fact differs</source>
        <translation>Un autre fait diffère</translation>
    </message>
    <message>
        <source>Copied text</source>
        <translation>Texte copié</translation>
    </message>
    <message>
        <source>Recycled source</source>
        <translation>Source recyclée</translation>
    </message>
    <message>
        <source>Translated text</source>
        <translation>Texte traduit</translation>
    </message>
    <message>
        <source>Common source</source>
        <translation>Source commune</translation>
    </message>
    <message>
        <source>The sources below do not agree; each passage states its own value.</source>
        <translation>Les sources ci-dessous ne concordent pas ; chaque passage donne sa propre valeur.</translation>
    </message>
    <message>
        <source>{b} repeats {chars} characters of {a}: these two sources are not independent.</source>
        <translation>{b} reprend {chars} caractères de {a} : ces deux sources ne sont pas indépendantes.</translation>
    </message>
    <message>
        <source>{a} reports another event than the one this dossier is about.</source>
        <translation>{a} rapporte un autre événement que celui de ce dossier.</translation>
    </message>
    <message>
        <source>{b} translates {chars} characters of {a}: these two sources are not independent.</source>
        <translation>{b} traduit {chars} caractères de {a} : ces deux sources ne sont pas indépendantes.</translation>
    </message>
    <message>
        <source>{a} gives the same passage ({chars} characters) in two languages: one is the translation of the other.</source>
        <translation>{a} donne le même passage ({chars} caractères) en deux langues : l’un est la traduction de l’autre.</translation>
    </message>
    <message>
        <source>{a} and {b} give the same {chars} characters word for word, from a common source (a quote or a dispatch).</source>
        <translation>{a} et {b} donnent les mêmes {chars} caractères mot pour mot, repris d’une source commune (une citation ou une dépêche).</translation>
    </message>
    <message>
        <source>verdict</source>
        <translation>verdict</translation>
    </message>
    <message>
        <source>sources</source>
        <translation>sources</translation>
    </message>
    <message>
        <source>claims</source>
        <translation>affirmations</translation>
    </message>
    <message>
        <source>Workbench scale</source>
        <translation>Échelle Workbench</translation>
    </message>
    <message>
        <source>Truth-O-Meter-like scale</source>
        <translation>Échelle de type Truth-O-Meter</translation>
    </message>
    <message>
        <source>AFP-like scale</source>
        <translation>Échelle de type AFP</translation>
    </message>
    <message>
        <source>web page</source>
        <translation>page web</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>Word document</source>
        <translation>document Word</translation>
    </message>
    <message>
        <source>text</source>
        <translation>texte</translation>
    </message>
    <message>
        <source>Markdown text</source>
        <translation>texte Markdown</translation>
    </message>
    <message>
        <source>pasted text</source>
        <translation>texte collé</translation>
    </message>
    <message>
        <source>web archive</source>
        <translation>archive web</translation>
    </message>
</context>
<context>
    <name>RevisionsController</name>
    <message>
        <source>Import new version</source>
        <translation>Importer une nouvelle version</translation>
    </message>
    <message>
        <source>Sources ({0})</source>
        <translation>Sources ({0})</translation>
    </message>
    <message>
        <source>Open the source to revise in a pane first.</source>
        <translation>Ouvrez d’abord dans un volet la source à réviser.</translation>
    </message>
    <message>
        <source>New revision {0}: {1} span(s) re-anchored, {2} changed or orphaned</source>
        <translation>Nouvelle révision {0} : {1} passage(s) réancré(s), {2} modifié(s) ou orphelin(s)</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Raccourci</translation>
    </message>
</context>
<context>
    <name>SourceFlags</name>
    <message>
        <source>recycled</source>
        <translation>recyclée</translation>
    </message>
    <message>
        <source>relay</source>
        <translation>relais</translation>
    </message>
</context>
<context>
    <name>SourceMetadataDialog</name>
    <message>
        <source>Source metadata</source>
        <translation>Métadonnées de la source</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Outlet</source>
        <translation>Média</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Auteur</translation>
    </message>
    <message>
        <source>Published (YYYY-MM-DD)</source>
        <translation>Publié le (AAAA-MM-JJ)</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Reliability note</source>
        <translation>Note de fiabilité</translation>
    </message>
</context>
<context>
    <name>SourcePane</name>
    <message>
        <source>Reading “{0}”…</source>
        <translation>Lecture de « {0} »…</translation>
    </message>
    <message>
        <source>Source shown in this pane</source>
        <translation>Source affichée dans ce volet</translation>
    </message>
    <message>
        <source>Move pane left</source>
        <translation>Déplacer le volet à gauche</translation>
    </message>
    <message>
        <source>Move pane right</source>
        <translation>Déplacer le volet à droite</translation>
    </message>
    <message>
        <source>Close pane</source>
        <translation>Fermer le volet</translation>
    </message>
</context>
<context>
    <name>SourceView</name>
    <message>
        <source>Scraped with the page (menu, caption, link): not the article</source>
        <translation>Aspiré avec la page (menu, légende, lien) : pas l&apos;article</translation>
    </message>
</context>
<context>
    <name>Stance</name>
    <message>
        <source>supports</source>
        <translation>confirme</translation>
    </message>
    <message>
        <source>refutes</source>
        <translation>réfute</translation>
    </message>
    <message>
        <source>context</source>
        <translation>contexte</translation>
    </message>
    <message>
        <source>appearance</source>
        <translation>occurrence</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>Loading the sample dossier…</source>
        <translation>Chargement du dossier d’exemple…</translation>
    </message>
    <message>
        <source>Building the window for {0}…</source>
        <translation>Préparation de la fenêtre pour {0}…</translation>
    </message>
    <message>
        <source>Opening the database {0}…
Checking its schema and loading the dossier.</source>
        <translation>Ouverture de la base {0}…
Vérification de son schéma et chargement du dossier.</translation>
    </message>
    <message>
        <source>Starting Workbench…</source>
        <translation>Démarrage de Workbench…</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>To check</source>
        <translation>À vérifier</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>In review</source>
        <translation>En relecture</translation>
    </message>
    <message>
        <source>Concluded</source>
        <translation>Conclu</translation>
    </message>
</context>
<context>
    <name>SuggestPanel</name>
    <message>
        <source>figure</source>
        <translation>chiffre</translation>
    </message>
    <message>
        <source>date</source>
        <translation>date</translation>
    </message>
    <message>
        <source>comparison or ranking</source>
        <translation>comparaison ou classement</translation>
    </message>
    <message>
        <source>named person or body</source>
        <translation>personne ou organisme nommé</translation>
    </message>
    <message>
        <source>attributed quote</source>
        <translation>citation attribuée</translation>
    </message>
    <message>
        <source>reported speech</source>
        <translation>discours rapporté</translation>
    </message>
    <message>
        <source>causal claim</source>
        <translation>lien de cause à effet</translation>
    </message>
    <message>
        <source>opinion</source>
        <translation>opinion</translation>
    </message>
    <message>
        <source>speculation</source>
        <translation>spéculation</translation>
    </message>
    <message>
        <source>prediction</source>
        <translation>prédiction</translation>
    </message>
    <message>
        <source>question</source>
        <translation>question</translation>
    </message>
    <message>
        <source>headline without a verb</source>
        <translation>titre sans verbe</translation>
    </message>
    <message>
        <source>too short</source>
        <translation>trop court</translation>
    </message>
    <message>
        <source>Sentence</source>
        <translation>Phrase</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Find the sentences of each source most worth checking.</source>
        <translation>Trouver les phrases de chaque source qui méritent le plus d&apos;être vérifiées.</translation>
    </message>
    <message>
        <source>Suggest claims</source>
        <translation>Suggérer des affirmations</translation>
    </message>
    <message>
        <source>Make claim</source>
        <translation>Créer l&apos;affirmation</translation>
    </message>
    <message>
        <source>Turn the selected sentence into a claim (Enter)</source>
        <translation>Faire de la phrase choisie une affirmation (Entrée)</translation>
    </message>
    <message>
        <source>Reading the sources…</source>
        <translation>Lecture des sources…</translation>
    </message>
    <message>
        <source>Source {0}</source>
        <translation>Source {0}</translation>
    </message>
    <message>
        <source>{0} sentences suggested in {1} sources.</source>
        <translation>{0} phrases suggérées dans {1} sources.</translation>
    </message>
    <message>
        <source>Claim from suggestion</source>
        <translation>Affirmation suggérée</translation>
    </message>
</context>
<context>
    <name>TaskProgress</name>
    <message>
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
</context>
<context>
    <name>TeamSyncController</name>
    <message>
        <source>Changed by someone else</source>
        <translation>Modifié par quelqu&apos;un d&apos;autre</translation>
    </message>
    <message>
        <source>Someone else changed {0} of this claim since you last saw it.</source>
        <translation>Quelqu’un d’autre a modifié {0} de cette affirmation depuis que vous l’avez vue.</translation>
    </message>
    <message>
        <source>Their value: {0}
Your value: {1}</source>
        <translation>Sa valeur : {0}
Votre valeur : {1}</translation>
    </message>
    <message>
        <source>Re-apply mine</source>
        <translation>Réappliquer la mienne</translation>
    </message>
    <message>
        <source>Keep theirs</source>
        <translation>Garder la sienne</translation>
    </message>
    <message>
        <source>Change {0}</source>
        <translation>Modifier {0}</translation>
    </message>
    <message>
        <source>Database unreachable: {0}</source>
        <translation>Base de données injoignable : {0}</translation>
    </message>
    <message>
        <source>Database reachable again.</source>
        <translation>Base de données de nouveau joignable.</translation>
    </message>
    <message>
        <source>Database unreachable: your change is kept and will be saved when it is back.</source>
        <translation>Base de données injoignable : votre modification est conservée et sera enregistrée à son retour.</translation>
    </message>
</context>
<context>
    <name>UndoController</name>
    <message>
        <source>Kept the other person&apos;s value.</source>
        <translation>La valeur de l’autre personne est conservée.</translation>
    </message>
</context>
<context>
    <name>UrlImportDialog</name>
    <message>
        <source>Import from URL</source>
        <translation>Importer depuis une URL</translation>
    </message>
    <message>
        <source>Web pages to fetch and archive (one address a line):</source>
        <translation>Pages web à télécharger et archiver (une adresse par ligne) :</translation>
    </message>
    <message>
        <source>The page is downloaded as served (no script is run) and kept with an archived copy (WARC) dated at the fetch.</source>
        <translation>La page est téléchargée telle que servie (aucun script n’est exécuté) et conservée avec une copie archivée (WARC) datée du téléchargement.</translation>
    </message>
</context>
<context>
    <name>win</name>
    <message>
        <source>Open a source first</source>
        <translation>Ouvrez d&apos;abord une source</translation>
    </message>
    <message>
        <source>This source was imported as text: there is no page image</source>
        <translation>Cette source a été importée comme texte : elle n&apos;a pas d&apos;image de page</translation>
    </message>
    <message>
        <source>View original</source>
        <translation>Voir l&apos;original</translation>
    </message>
    <message>
        <source>Publication settings saved</source>
        <translation>Réglages de publication enregistrés</translation>
    </message>
    <message>
        <source>Import from URL</source>
        <translation>Importer depuis une URL</translation>
    </message>
</context>
</TS>
