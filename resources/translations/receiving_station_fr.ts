<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name></name>
    <message>
        <source>Receiving Station: command barcodes</source>
        <translation>Poste de réception : codes-barres de commande</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <source>Users</source>
        <translation>Utilisateurs</translation>
    </message>
    <message>
        <source>Return policy</source>
        <translation>Politique de retour</translation>
    </message>
    <message>
        <source>This station</source>
        <translation>Ce poste</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fait</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>Attention</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
</context>
<context>
    <name>CameraBox</name>
    <message>
        <source>Camera</source>
        <translation>Caméra</translation>
    </message>
    <message>
        <source>A camera number, a device path or a video file; empty: no camera</source>
        <translation>Un numéro de caméra, un chemin de périphérique ou un fichier vidéo ; vide : pas de caméra</translation>
    </message>
    <message>
        <source>Test the camera</source>
        <translation>Tester la caméra</translation>
    </message>
    <message>
        <source>Test the camera to see its live view here.</source>
        <translation>Testez la caméra pour voir son image en direct ici.</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Périphérique</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Résolution</translation>
    </message>
    <message>
        <source>The camera works: {width} × {height} at {fps} frames a second. Hold a barcode in front of it.</source>
        <translation>La caméra fonctionne : {width} × {height} à {fps} images par seconde. Présentez un code-barres devant.</translation>
    </message>
    <message>
        <source>The camera read «{text}».</source>
        <translation>La caméra a lu « {text} ».</translation>
    </message>
</context>
<context>
    <name>CameraPanel</name>
    <message>
        <source>No camera is configured for this station ([camera] device in the configuration). Hand scanners work as usual.</source>
        <translation>Aucune caméra n’est configurée pour ce poste (device de la section [camera] de la configuration). Les douchettes fonctionnent normalement.</translation>
    </message>
    <message>
        <source>Stop camera</source>
        <translation>Arrêter la caméra</translation>
    </message>
    <message>
        <source>Hold the barcode in front of the camera.</source>
        <translation>Présentez le code-barres devant la caméra.</translation>
    </message>
    <message>
        <source>Start camera</source>
        <translation>Démarrer la caméra</translation>
    </message>
    <message>
        <source>Code found: hold still.</source>
        <translation>Code détecté : ne bougez plus.</translation>
    </message>
</context>
<context>
    <name>CaseDetail</name>
    <message>
        <source>The inspector&apos;s answers</source>
        <translation>Les réponses du contrôleur</translation>
    </message>
    <message>
        <source>{customer} · order {order} · {channel}</source>
        <translation>{customer} · commande {order} · {channel}</translation>
    </message>
    <message>
        <source>Customer&apos;s reason: {reason}</source>
        <translation>Motif du client : {reason}</translation>
    </message>
    <message>
        <source>Photo {n}: show it full size</source>
        <translation>Photo {n} : l’afficher en grand</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Day</source>
        <translation>Jour</translation>
    </message>
    <message>
        <source>Shift report (PDF)…</source>
        <translation>Rapport d’équipe (PDF)…</translation>
    </message>
    <message>
        <source>Units (CSV)…</source>
        <translation>Articles (CSV)…</translation>
    </message>
    <message>
        <source>Cancel the export</source>
        <translation>Annuler l’export</translation>
    </message>
    <message>
        <source>Parcels received</source>
        <translation>Colis réceptionnés</translation>
    </message>
    <message>
        <source>Units inspected</source>
        <translation>Articles contrôlés</translation>
    </message>
    <message>
        <source>Dock to decision, median</source>
        <translation>Du quai à la décision, médiane</translation>
    </message>
    <message>
        <source>Dock to decision, 90th percentile</source>
        <translation>Du quai à la décision, 90e centile</translation>
    </message>
    <message>
        <source>Parcels past the SLA</source>
        <translation>Colis hors délai</translation>
    </message>
    <message>
        <source>Units past the SLA</source>
        <translation>Articles hors délai</translation>
    </message>
    <message>
        <source>Exceptions per unit</source>
        <translation>Anomalies par article</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>Réf.</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Articles</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>État</translation>
    </message>
    <message>
        <source>{h} h</source>
        <translation>{h} h</translation>
    </message>
    <message>
        <source>Units per inspector</source>
        <translation>Articles par contrôleur</translation>
    </message>
    <message>
        <source>Exceptions by kind</source>
        <translation>Anomalies par type</translation>
    </message>
    <message>
        <source>Grade {grade}</source>
        <translation>Grade {grade}</translation>
    </message>
    <message>
        <source>Save the shift report</source>
        <translation>Enregistrer le rapport d’équipe</translation>
    </message>
    <message>
        <source>Shift report saved to {path}.</source>
        <translation>Rapport d’équipe enregistré dans {path}.</translation>
    </message>
    <message>
        <source>Export the units</source>
        <translation>Exporter les articles</translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s) exported to {path}.</source>
        <translation>
            <numerusform>%n article exporté dans {path}.</numerusform>
            <numerusform>%n articles exportés dans {path}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Exporting: {done} / {total} units</source>
        <translation>Export : {done} / {total} articles</translation>
    </message>
</context>
<context>
    <name>ExceptionsPage</name>
    <message>
        <source>Kind of exception</source>
        <translation>Type d’anomalie</translation>
    </message>
    <message>
        <source>Every kind</source>
        <translation>Tous les types</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Poste</translation>
    </message>
    <message>
        <source>Every station</source>
        <translation>Tous les postes</translation>
    </message>
    <message>
        <source>Older than, in hours</source>
        <translation>Plus ancien que, en heures</translation>
    </message>
    <message>
        <source> h or older</source>
        <translation> h ou plus</translation>
    </message>
    <message>
        <source>Any age</source>
        <translation>Tout âge</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Waiting for a lead</source>
        <translation>En attente d’un chef d’équipe</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouverte</translation>
    </message>
    <message>
        <source>In review</source>
        <translation>En cours d’examen</translation>
    </message>
    <message>
        <source>Decided today</source>
        <translation>Décidées aujourd’hui</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Âge</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>Contrôleur</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unité</translation>
    </message>
    <message>
        <source>RMA</source>
        <translation>Retour</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>Réf.</translation>
    </message>
    <message>
        <source>No exception matches these filters.</source>
        <translation>Aucune anomalie ne correspond à ces filtres.</translation>
    </message>
    <message>
        <source>Choose an exception</source>
        <translation>Choisissez une anomalie</translation>
    </message>
    <message>
        <source>Print the label</source>
        <translation>Imprimer l’étiquette</translation>
    </message>
    <message>
        <source>{ref}: {why} needs the deciding lead&apos;s badge and PIN: scan or type your badge, then type your PIN.</source>
        <translation>{ref} : {why} exige le badge et le code PIN du chef d’équipe qui décide : scannez ou tapez votre badge, puis tapez votre code PIN.</translation>
    </message>
    <message>
        <source>Lead decision</source>
        <translation>Décision du chef d’équipe</translation>
    </message>
    <message>
        <source>Note or reason (a few words)</source>
        <translation>Remarque ou motif (quelques mots)</translation>
    </message>
    <message>
        <source>Note or reason</source>
        <translation>Remarque ou motif</translation>
    </message>
    <message>
        <source>Disposition for an override</source>
        <translation>Destination de la dérogation</translation>
    </message>
    <message>
        <source>RMA, order or tracking number</source>
        <translation>N° de retour, de commande ou de suivi</translation>
    </message>
    <message>
        <source>RMA to link the parcel to</source>
        <translation>Retour auquel rattacher le colis</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Valider</translation>
    </message>
    <message>
        <source>Override</source>
        <translation>Déroger</translation>
    </message>
    <message>
        <source>Send back</source>
        <translation>Renvoyer au contrôle</translation>
    </message>
    <message>
        <source>Link to the RMA</source>
        <translation>Rattacher au retour</translation>
    </message>
    <message>
        <source>Resolve with the note</source>
        <translation>Clore avec la remarque</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Remarque</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>Endommagé</translation>
    </message>
    <message>
        <source>Wrong item</source>
        <translation>Mauvais article</translation>
    </message>
    <message>
        <source>Missing item</source>
        <translation>Article manquant</translation>
    </message>
    <message>
        <source>Extra item</source>
        <translation>Article en trop</translation>
    </message>
    <message>
        <source>Unidentified parcel</source>
        <translation>Colis non identifié</translation>
    </message>
    <message>
        <source>Serial mismatch</source>
        <translation>N° de série différent</translation>
    </message>
    <message>
        <source>Over-receipt</source>
        <translation>Surplus reçu</translation>
    </message>
    <message>
        <source>Outside the policy</source>
        <translation>Hors politique de retour</translation>
    </message>
    <message>
        <source>Suspected fraud</source>
        <translation>Fraude suspectée</translation>
    </message>
    <message>
        <source>Approval</source>
        <translation>Validation</translation>
    </message>
    <message>
        <source>{h} h</source>
        <translation>{h} h</translation>
    </message>
    <message>
        <source>Past its SLA</source>
        <translation>Délai de traitement dépassé</translation>
    </message>
    <message>
        <source>{age}, past its SLA</source>
        <translation>{age}, délai dépassé</translation>
    </message>
    <message>
        <source>Opened {when} at {station}</source>
        <translation>Ouverte le {when} au poste {station}</translation>
    </message>
    <message>
        <source>Unit {unit} · RMA {rma} · SKU {sku}</source>
        <translation>Article {unit} · retour {rma} · réf. {sku}</translation>
    </message>
    <message>
        <source>Decided: {what}</source>
        <translation>Décision : {what}</translation>
    </message>
    <message>
        <source>Label {lpn} sent to the printer.</source>
        <translation>Étiquette {lpn} envoyée à l’imprimante.</translation>
    </message>
    <message>
        <source>{ref} decided: {what}</source>
        <translation>{ref} décidée : {what}</translation>
    </message>
</context>
<context>
    <name>Importer</name>
    <message>
        <source>Import RMAs…</source>
        <translation>Importer…</translation>
    </message>
    <message>
        <source>Importing {file}: {done} / {total} RMAs</source>
        <translation>Import de {file} : {done} / {total} retours</translation>
    </message>
    <message>
        <source>Import RMAs</source>
        <translation>Importer des retours</translation>
    </message>
    <message>
        <source>Return files (*.csv *.json)</source>
        <translation>Fichiers de retours (*.csv *.json)</translation>
    </message>
    <message>
        <source>{file}: {created} created, {updated} updated, {unchanged} unchanged.</source>
        <translation>{file} : {created} créé(s), {updated} mis à jour, {unchanged} inchangé(s).</translation>
    </message>
    <message>
        <source>{n} problem(s), first: {where}: {reason}</source>
        <translation>{n} problème(s), le premier : {where} : {reason}</translation>
    </message>
    <message>
        <source>{file}: {n} problem(s). The RMAs they concern were not imported, the others were. Correct them in the file and import it again: what was imported is found unchanged.</source>
        <translation>{file} : {n} problème(s). Les RMA concernés n’ont pas été importés, les autres l’ont été. Corrigez-les dans le fichier et importez-le à nouveau : ce qui a déjà été importé sera trouvé inchangé.</translation>
    </message>
</context>
<context>
    <name>InspectPage</name>
    <message>
        <source>Scan the parcel&apos;s label, then each item taken out of the box</source>
        <translation>Scannez l’étiquette du colis, puis chaque article sorti du carton</translation>
    </message>
    <message>
        <source>Parcel label or item code</source>
        <translation>Étiquette du colis ou code de l’article</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Chercher</translation>
    </message>
    <message>
        <source>Evidence pack…</source>
        <translation>Dossier de preuves…</translation>
    </message>
    <message>
        <source>Save the evidence pack of this parcel as a PDF</source>
        <translation>Enregistrer le dossier de preuves de ce colis en PDF</translation>
    </message>
    <message>
        <source>Drop photos on a photo step of the inspection.</source>
        <translation>Déposez les photos sur une étape photo du contrôle.</translation>
    </message>
    <message>
        <source>The {command} command does nothing on the Inspect page.</source>
        <translation>La commande {command} n’a pas d’effet sur la page Contrôle.</translation>
    </message>
    <message>
        <source>Parcel {rma} open: scan the first item.</source>
        <translation>Colis {rma} ouvert : scannez le premier article.</translation>
    </message>
    <message>
        <source>Back to {unit} where you left it: every answer is kept.</source>
        <translation>Retour à {unit} là où vous l’aviez laissé : toutes les réponses sont gardées.</translation>
    </message>
    <message>
        <source>{ref}: {disposition} → {zone}.</source>
        <translation>{ref} : {disposition} → {zone}.</translation>
    </message>
    <message>
        <source>A lead approves it.</source>
        <translation>Un chef d’équipe doit valider.</translation>
    </message>
    <message>
        <source>Next item.</source>
        <translation>Article suivant.</translation>
    </message>
    <message>
        <source>Units are missing: record what the box holds.</source>
        <translation>Des articles manquent : consignez ce que contient le carton.</translation>
    </message>
    <message>
        <source>Parcel closed: every unit is accounted for.</source>
        <translation>Colis clôturé : tous les articles sont comptabilisés.</translation>
    </message>
    <message>
        <source>Add photos</source>
        <translation>Ajouter des photos</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png)</source>
        <translation>Images (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <source>No camera picture: start the camera (F8) or add a photo from a file.</source>
        <translation>Pas d’image de la caméra : démarrez la caméra (F8) ou ajoutez une photo depuis un fichier.</translation>
    </message>
    <message>
        <source>Save the evidence pack</source>
        <translation>Enregistrer le dossier de preuves</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Evidence pack of {key} saved to {path}.</source>
        <translation>Dossier de preuves de {key} enregistré dans {path}.</translation>
    </message>
    <message>
        <source>No label printed here yet: nothing to reprint.</source>
        <translation>Aucune étiquette imprimée ici pour l’instant : rien à réimprimer.</translation>
    </message>
    <message>
        <source>Label {lpn} printed again.</source>
        <translation>Étiquette {lpn} réimprimée.</translation>
    </message>
</context>
<context>
    <name>LockoutsPanel</name>
    <message>
        <source>Locked out of log-in</source>
        <translation>Bloqués à la connexion</translation>
    </message>
    <message>
        <source>Users and stations locked out of log-in</source>
        <translation>Utilisateurs et postes bloqués à la connexion</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Jusqu’à</translation>
    </message>
    <message>
        <source>Nobody is locked out.</source>
        <translation>Personne n’est bloqué.</translation>
    </message>
    <message>
        <source>Lift the lock</source>
        <translation>Débloquer</translation>
    </message>
    <message>
        <source>user</source>
        <translation>utilisateur</translation>
    </message>
    <message>
        <source>station</source>
        <translation>poste</translation>
    </message>
    <message>
        <source>The lock on {who} is lifted.</source>
        <translation>{who} est débloqué(e).</translation>
    </message>
</context>
<context>
    <name>LoginPage</name>
    <message>
        <source>Scan your badge to start</source>
        <translation>Scannez votre badge pour commencer</translation>
    </message>
    <message>
        <source>No badge? Log in with your user name and PIN.</source>
        <translation>Pas de badge ? Connectez-vous avec votre identifiant et votre code PIN.</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>Code PIN</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>Demo data: badges BDG-1001 (receiver), BDG-1002 (inspector), BDG-1003 (lead, PIN 3333), BDG-1004 (admin, PIN 4444); or user alice, PIN 1111.</source>
        <translation>Données de démonstration : badges BDG-1001 (réceptionnaire), BDG-1002 (contrôleur), BDG-1003 (chef d’équipe, code PIN 3333), BDG-1004 (administrateur, code PIN 4444) ; ou identifiant alice, code PIN 1111.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Receiving Station — {station}</source>
        <translation>Poste de réception — {station}</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Déconnexion</translation>
    </message>
    <message>
        <source>Receive</source>
        <translation>Réception</translation>
    </message>
    <message>
        <source>Inspect</source>
        <translation>Contrôle</translation>
    </message>
    <message>
        <source>Exceptions</source>
        <translation>Anomalies</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Bilan</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Recherche</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Admin.</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Caméra</translation>
    </message>
    <message>
        <source>Camera scanner</source>
        <translation>Lecture par caméra</translation>
    </message>
    <message numerus="yes">
        <source>Locked after %n minute(s) without use. Scan your badge to go on; your work is kept.</source>
        <translation>
            <numerusform>Verrouillé après %n minute sans utilisation. Scannez votre badge pour continuer ; votre travail est conservé.</numerusform>
            <numerusform>Verrouillé après %n minutes sans utilisation. Scannez votre badge pour continuer ; votre travail est conservé.</numerusform>
        </translation>
    </message>
    <message>
        <source>Demo data is in. Scan a demo badge to start.</source>
        <translation>Les données de démonstration sont en place. Scannez un badge de démonstration pour commencer.</translation>
    </message>
    <message>
        <source>Hello {name}. Scan the first parcel.</source>
        <translation>Bonjour {name}. Scannez le premier colis.</translation>
    </message>
</context>
<context>
    <name>ParcelPanel</name>
    <message>
        <source>No parcel open</source>
        <translation>Aucun colis ouvert</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>Réf.</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Article</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Attendu</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Trouvé</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unité</translation>
    </message>
    <message>
        <source>Workflow</source>
        <translation>Procédure</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Next item arrived damaged</source>
        <translation>L’article suivant est arrivé endommagé</translation>
    </message>
    <message>
        <source>Box is empty: close it (F9)</source>
        <translation>Carton vide : le clôturer (F9)</translation>
    </message>
    <message>
        <source>Lines of the return</source>
        <translation>Lignes du retour</translation>
    </message>
    <message>
        <source>Units taken out of the box</source>
        <translation>Articles sortis du carton</translation>
    </message>
    <message>
        <source>Unidentified parcel {label}</source>
        <translation>Colis non identifié {label}</translation>
    </message>
    <message>
        <source>{found} ({missing} missing)</source>
        <translation>{found} ({missing} manquant(s))</translation>
    </message>
</context>
<context>
    <name>ParcelPhotos</name>
    <message>
        <source>Photo of the parcel (camera)</source>
        <translation>Photo du colis (caméra)</translation>
    </message>
    <message>
        <source>Photo from a file…</source>
        <translation>Photo depuis un fichier…</translation>
    </message>
    <message>
        <source>Remove the last photo</source>
        <translation>Retirer la dernière photo</translation>
    </message>
    <message>
        <source>⚠ Photograph the parcel before opening it.</source>
        <translation>⚠ Photographiez le colis avant de l’ouvrir.</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) of the parcel</source>
        <translation>
            <numerusform>%n photo du colis</numerusform>
            <numerusform>%n photos du colis</numerusform>
        </translation>
    </message>
    <message>
        <source>No camera picture: start the camera (F8) or add a photo from a file.</source>
        <translation>Pas d’image de la caméra : démarrez la caméra (F8) ou ajoutez une photo depuis un fichier.</translation>
    </message>
    <message>
        <source>Photo of the parcel</source>
        <translation>Photo du colis</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png)</source>
        <translation>Images (*.jpg *.jpeg *.png)</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <source>Lead approval</source>
        <translation>Accord d’un chef d’équipe</translation>
    </message>
    <message>
        <source>Badge {badge}: type your PIN to approve.</source>
        <translation>Badge {badge} : tapez votre code PIN pour donner votre accord.</translation>
    </message>
    <message>
        <source>Scan or type your badge</source>
        <translation>Scannez ou tapez votre badge</translation>
    </message>
    <message>
        <source>Badge</source>
        <translation>Badge</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>Code PIN</translation>
    </message>
    <message>
        <source>Change of user</source>
        <translation>Changement d’utilisateur</translation>
    </message>
</context>
<context>
    <name>PolicyPage</name>
    <message>
        <source>Return windows (days from the return request)</source>
        <translation>Délais de retour (jours depuis la demande de retour)</translation>
    </message>
    <message>
        <source>Default return window in days</source>
        <translation>Délai de retour par défaut, en jours</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Par défaut</translation>
    </message>
    <message>
        <source>default</source>
        <translation>par défaut</translation>
    </message>
    <message>
        <source>By channel</source>
        <translation>Par canal</translation>
    </message>
    <message>
        <source>By category (wins over the channel)</source>
        <translation>Par catégorie (prime sur le canal)</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>Remboursements</translation>
    </message>
    <message>
        <source>Restocking fee for grade {grade}</source>
        <translation>Frais de remise en stock pour le grade {grade}</translation>
    </message>
    <message>
        <source>Restocking fee, grade {grade}</source>
        <translation>Frais de remise en stock, grade {grade}</translation>
    </message>
    <message>
        <source>A lead approves units worth more than</source>
        <translation>Un chef d’équipe valide les articles d’une valeur supérieure à</translation>
    </message>
    <message>
        <source>An override needs a lead on units worth more than</source>
        <translation>Une dérogation demande un chef d’équipe au-delà d’une valeur de</translation>
    </message>
    <message>
        <source>Exceptions</source>
        <translation>Anomalies</translation>
    </message>
    <message>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <source>An open exception is late after</source>
        <translation>Une anomalie ouverte est en retard après</translation>
    </message>
    <message>
        <source>Save as a new version</source>
        <translation>Enregistrer comme nouvelle version</translation>
    </message>
    <message>
        <source>Undo my changes</source>
        <translation>Annuler mes modifications</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versions</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Saved by</source>
        <translation>Enregistrée par</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Enregistrée le</translation>
    </message>
    <message>
        <source>Return window for {name} in days</source>
        <translation>Délai de retour pour {name}, en jours</translation>
    </message>
    <message>
        <source>Return policy: the defaults (no version saved yet)</source>
        <translation>Politique de retour : valeurs par défaut (aucune version enregistrée)</translation>
    </message>
    <message>
        <source>Return policy: version {version}, saved by {name}, {when}</source>
        <translation>Politique de retour : version {version}, enregistrée par {name}, {when}</translation>
    </message>
    <message>
        <source>Return policy version {version} saved; it applies from now.</source>
        <translation>Version {version} de la politique de retour enregistrée ; elle s’applique dès maintenant.</translation>
    </message>
</context>
<context>
    <name>PreviewView</name>
    <message>
        <source>Camera preview</source>
        <translation>Aperçu de la caméra</translation>
    </message>
</context>
<context>
    <name>PrintQueueDialog</name>
    <message>
        <source>Print queue</source>
        <translation>File d’impression</translation>
    </message>
    <message>
        <source>Labels of this station not printed yet. A label in doubt may have printed: look at the printer, then say what you found. It is never printed again by itself.</source>
        <translation>Étiquettes de ce poste pas encore imprimées. Une étiquette incertaine a peut-être été imprimée : regardez l’imprimante, puis dites ce que vous avez trouvé. Elle n’est jamais réimprimée d’elle-même.</translation>
    </message>
    <message>
        <source>License plate</source>
        <translation>Plaque d’identification</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Tries</source>
        <translation>Essais</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Pourquoi</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unité</translation>
    </message>
    <message>
        <source>Queued at</source>
        <translation>Mise en file à</translation>
    </message>
    <message>
        <source>It printed: mark it printed</source>
        <translation>Elle est sortie : la marquer imprimée</translation>
    </message>
    <message>
        <source>It did not print: reprint it</source>
        <translation>Elle n’est pas sortie : la réimprimer</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>being sent</source>
        <translation>en cours d’envoi</translation>
    </message>
    <message>
        <source>failed, tried again later</source>
        <translation>en échec, nouvel essai plus tard</translation>
    </message>
    <message>
        <source>⚠ in doubt: check the printer</source>
        <translation>⚠ incertaine : vérifiez l’imprimante</translation>
    </message>
    <message>
        <source>Log in first: who settled the label is recorded.</source>
        <translation>Connectez-vous d’abord : qui règle l’étiquette est enregistré.</translation>
    </message>
    <message>
        <source>{lpn}: queued again as a reprint.</source>
        <translation>{lpn} : remise en file comme réimpression.</translation>
    </message>
    <message>
        <source>{lpn}: marked printed.</source>
        <translation>{lpn} : marquée imprimée.</translation>
    </message>
</context>
<context>
    <name>PrinterBox</name>
    <message>
        <source>Label printer</source>
        <translation>Imprimante d’étiquettes</translation>
    </message>
    <message>
        <source>A folder (PDF files)</source>
        <translation>Un dossier (fichiers PDF)</translation>
    </message>
    <message>
        <source>A Zebra on the network (ZPL, port 9100)</source>
        <translation>Une Zebra en réseau (ZPL, port 9100)</translation>
    </message>
    <message>
        <source>A system print queue (PDF)</source>
        <translation>Une file d’impression du système (PDF)</translation>
    </message>
    <message>
        <source>A system print queue, raw (ZPL)</source>
        <translation>Une file d’impression du système, brute (ZPL)</translation>
    </message>
    <message>
        <source>folder, host:9100 or queue name</source>
        <translation>dossier, hôte:9100 ou nom de file</translation>
    </message>
    <message>
        <source>What the printer takes</source>
        <translation>Celui de l’imprimante</translation>
    </message>
    <message>
        <source>The station&apos;s</source>
        <translation>Celle du poste</translation>
    </message>
    <message>
        <source>Print a test label</source>
        <translation>Imprimer une étiquette de test</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Imprimante</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Étiquette</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Label language</source>
        <translation>Langue des étiquettes</translation>
    </message>
    <message>
        <source>A test label went to {printer}. Scan it to check it reads.</source>
        <translation>Une étiquette de test est partie vers {printer}. Scannez-la pour vérifier sa lecture.</translation>
    </message>
</context>
<context>
    <name>ReceivePage</name>
    <message>
        <source>Scan the parcel, or type an RMA, tracking or order number</source>
        <translation>Scannez le colis, ou saisissez un n° de retour, de suivi ou de commande</translation>
    </message>
    <message>
        <source>RMA, tracking or order number</source>
        <translation>N° de retour, de suivi ou de commande</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Chercher</translation>
    </message>
    <message>
        <source>Scan the RMA label, the carrier&apos;s tracking label or the order slip.
The return appears here at once.</source>
        <translation>Scannez l’étiquette de retour, l’étiquette du transporteur ou le bon de commande.
Le retour s’affiche ici aussitôt.</translation>
    </message>
    <message>
        <source>Packaging damaged</source>
        <translation>Carton endommagé</translation>
    </message>
    <message>
        <source>Note on the parcel (optional)</source>
        <translation>Remarque sur le colis (facultatif)</translation>
    </message>
    <message>
        <source>Note on the parcel</source>
        <translation>Remarque sur le colis</translation>
    </message>
    <message>
        <source>Register unidentified parcel</source>
        <translation>Enregistrer un colis non identifié</translation>
    </message>
    <message>
        <source>Receive parcel (F2)</source>
        <translation>Réceptionner le colis (F2)</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Commande</translation>
    </message>
    <message>
        <source>Tracking</source>
        <translation>Suivi</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>Réf.</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Article</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Qté</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Customer&apos;s note</source>
        <translation>Commentaire du client</translation>
    </message>
    <message>
        <source>Size too small</source>
        <translation>Taille trop petite</translation>
    </message>
    <message>
        <source>Size too large</source>
        <translation>Taille trop grande</translation>
    </message>
    <message>
        <source>Style</source>
        <translation>Style</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Couleur</translation>
    </message>
    <message>
        <source>Not as described</source>
        <translation>Non conforme à la description</translation>
    </message>
    <message>
        <source>Defective</source>
        <translation>Défectueux</translation>
    </message>
    <message>
        <source>No longer wanted</source>
        <translation>Ne convient plus</translation>
    </message>
    <message>
        <source>Wrong item sent</source>
        <translation>Mauvais article envoyé</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
    <message>
        <source>⚠ Lead approval needed: a lead scans their badge and types their PIN now.</source>
        <translation>⚠ Accord d’un chef d’équipe nécessaire : un chef d’équipe scanne son badge et tape son code PIN maintenant.</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Réceptionné</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Attendu</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Clôturé</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>Refusé</translation>
    </message>
    <message numerus="yes">
        <source>Return window: %n day(s) left, until {date}</source>
        <translation>
            <numerusform>Délai de retour : %n jour restant, jusqu’au {date}</numerusform>
            <numerusform>Délai de retour : %n jours restants, jusqu’au {date}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>⚠ Return window passed %n day(s) ago ({date})</source>
        <translation>
            <numerusform>⚠ Délai de retour dépassé depuis %n jour ({date})</numerusform>
            <numerusform>⚠ Délai de retour dépassé depuis %n jours ({date})</numerusform>
        </translation>
    </message>
    <message>
        <source> (serialized)</source>
        <translation> (n° de série)</translation>
    </message>
    <message>
        <source>GTIN {gtin}</source>
        <translation>GTIN {gtin}</translation>
    </message>
    <message>
        <source>serial {serial}</source>
        <translation>n° de série {serial}</translation>
    </message>
    <message>
        <source>batch {batch}</source>
        <translation>lot {batch}</translation>
    </message>
    <message>
        <source>expiry {date}</source>
        <translation>péremption {date}</translation>
    </message>
    <message>
        <source>Line {n}: {sku} {item} ({read}).</source>
        <translation>Ligne {n} : {sku} {item} ({read}).</translation>
    </message>
    <message>
        <source>Serial {serial} was not sold on {rma} (line {n}, {sku}). Set the unit aside for inspection.</source>
        <translation>Le n° de série {serial} n’a pas été vendu sur le retour {rma} (ligne {n}, {sku}). Mettez l’article de côté pour contrôle.</translation>
    </message>
    <message>
        <source>This product is not on {rma} ({read}): a wrong or extra item. Set it aside for inspection.</source>
        <translation>Cet article ne figure pas sur le retour {rma} ({read}) : article erroné ou en trop. Mettez-le de côté pour contrôle.</translation>
    </message>
    <message>
        <source>Product code read ({read}). Scan the parcel&apos;s RMA, tracking or order label first.</source>
        <translation>Code article lu ({read}). Scannez d’abord l’étiquette de retour, de suivi ou de commande du colis.</translation>
    </message>
    <message>
        <source>Hello {name}.</source>
        <translation>Bonjour {name}.</translation>
    </message>
    <message>
        <source>The {command} command does nothing on the Receive page.</source>
        <translation>La commande {command} n’a pas d’effet sur la page Réception.</translation>
    </message>
    <message>
        <source>Parcel for {rma} received ({units} unit(s) expected). Next parcel.</source>
        <translation>Colis du retour {rma} réceptionné ({units} article(s) attendu(s)). Colis suivant.</translation>
    </message>
    <message>
        <source>Unidentified parcel set aside in quarantine as {ref}. A lead will link it.</source>
        <translation>Colis non identifié mis en quarantaine sous {ref}. Un chef d’équipe le rattachera.</translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <source>Scan or type an RMA, order, tracking number, license plate, SKU or customer</source>
        <translation>Scannez ou tapez un retour, une commande, un n° de suivi, une étiquette unité, une référence ou un client</translation>
    </message>
    <message>
        <source>What to find</source>
        <translation>Ce qu’il faut trouver</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Chercher</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Trouvé</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <source>RMA</source>
        <translation>Retour</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>Réf.</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Matched on</source>
        <translation>Trouvé par</translation>
    </message>
    <message>
        <source>What the search found</source>
        <translation>Résultats de la recherche</translation>
    </message>
    <message>
        <source>Choose what was found to read its history</source>
        <translation>Choisissez un résultat pour lire son historique</translation>
    </message>
    <message>
        <source>License plate to print again</source>
        <translation>Étiquette unité à réimprimer</translation>
    </message>
    <message>
        <source>Print the label again</source>
        <translation>Réimprimer l’étiquette</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Poste</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>History, oldest first</source>
        <translation>Historique, du plus ancien au plus récent</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unité</translation>
    </message>
    <message>
        <source>Exception</source>
        <translation>Anomalie</translation>
    </message>
    <message>
        <source>RMA number</source>
        <translation>numéro de retour</translation>
    </message>
    <message>
        <source>order number</source>
        <translation>numéro de commande</translation>
    </message>
    <message>
        <source>tracking number</source>
        <translation>numéro de suivi</translation>
    </message>
    <message>
        <source>license plate</source>
        <translation>étiquette unité</translation>
    </message>
    <message>
        <source>unit reference</source>
        <translation>référence d’unité</translation>
    </message>
    <message>
        <source>SKU or product barcode</source>
        <translation>référence ou code-barres produit</translation>
    </message>
    <message>
        <source>customer</source>
        <translation>client</translation>
    </message>
    <message>
        <source>exception reference</source>
        <translation>référence d’anomalie</translation>
    </message>
    <message>
        <source>what was scanned on the parcel</source>
        <translation>code scanné sur le colis</translation>
    </message>
    <message>
        <source>open</source>
        <translation>ouvert</translation>
    </message>
    <message>
        <source>received</source>
        <translation>réceptionné</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>clôturé</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annulé</translation>
    </message>
    <message>
        <source>declined</source>
        <translation>refusé</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>en cours</translation>
    </message>
    <message>
        <source>awaiting a lead</source>
        <translation>en attente d’un chef d’équipe</translation>
    </message>
    <message>
        <source>decided</source>
        <translation>décidé</translation>
    </message>
    <message>
        <source>in review</source>
        <translation>en cours d’examen</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>résolu</translation>
    </message>
    <message>
        <source>Parcel received</source>
        <translation>Colis réceptionné</translation>
    </message>
    <message>
        <source>Photo of the parcel</source>
        <translation>Photo du colis</translation>
    </message>
    <message>
        <source>Registered as unidentified</source>
        <translation>Enregistré comme non identifié</translation>
    </message>
    <message>
        <source>RMA imported</source>
        <translation>Retour importé</translation>
    </message>
    <message>
        <source>RMA updated by an import</source>
        <translation>Retour mis à jour par un import</translation>
    </message>
    <message>
        <source>RMA closed</source>
        <translation>Retour clôturé</translation>
    </message>
    <message>
        <source>Inspection started</source>
        <translation>Contrôle commencé</translation>
    </message>
    <message>
        <source>Answer recorded</source>
        <translation>Réponse enregistrée</translation>
    </message>
    <message>
        <source>Step skipped</source>
        <translation>Étape passée</translation>
    </message>
    <message>
        <source>Photo taken</source>
        <translation>Photo prise</translation>
    </message>
    <message>
        <source>Photo removed</source>
        <translation>Photo supprimée</translation>
    </message>
    <message>
        <source>Inspection completed</source>
        <translation>Contrôle terminé</translation>
    </message>
    <message>
        <source>Label queued</source>
        <translation>Étiquette en file d’attente</translation>
    </message>
    <message>
        <source>Label printed</source>
        <translation>Étiquette imprimée</translation>
    </message>
    <message>
        <source>Label not printed</source>
        <translation>Étiquette non imprimée</translation>
    </message>
    <message>
        <source>Label printed again</source>
        <translation>Étiquette réimprimée</translation>
    </message>
    <message>
        <source>New label for the lead&apos;s decision</source>
        <translation>Nouvelle étiquette pour la décision du chef d’équipe</translation>
    </message>
    <message>
        <source>Label in doubt: may have printed</source>
        <translation>Étiquette incertaine : peut-être imprimée</translation>
    </message>
    <message>
        <source>Label marked printed after a check</source>
        <translation>Étiquette marquée imprimée après vérification</translation>
    </message>
    <message>
        <source>Exception opened</source>
        <translation>Anomalie ouverte</translation>
    </message>
    <message>
        <source>Exception in review</source>
        <translation>Anomalie en cours d’examen</translation>
    </message>
    <message>
        <source>Exception resolved</source>
        <translation>Anomalie résolue</translation>
    </message>
    <message>
        <source>Approved by a lead</source>
        <translation>Approuvé par un chef d’équipe</translation>
    </message>
    <message>
        <source>Disposition overridden</source>
        <translation>Destination modifiée</translation>
    </message>
    <message>
        <source>Sent back for re-inspection</source>
        <translation>Renvoyé en contrôle</translation>
    </message>
    <message>
        <source>Linked to its RMA</source>
        <translation>Rattaché à son retour</translation>
    </message>
    <message>
        <source>Resolved with a note</source>
        <translation>Clos avec une remarque</translation>
    </message>
    <message>
        <source>Nothing matches “{text}”. Check the number, or search by the customer.</source>
        <translation>Aucun résultat pour « {text} ». Vérifiez le numéro, ou cherchez par client.</translation>
    </message>
    <message>
        <source>History of {key}, oldest first</source>
        <translation>Historique de {key}, du plus ancien au plus récent</translation>
    </message>
    <message>
        <source>Label {lpn} printed again.</source>
        <translation>Étiquette {lpn} réimprimée.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Save and apply</source>
        <translation>Enregistrer et appliquer</translation>
    </message>
    <message>
        <source>Undo my changes</source>
        <translation>Annuler mes modifications</translation>
    </message>
    <message>
        <source>This station</source>
        <translation>Ce poste</translation>
    </message>
    <message>
        <source>Dock 2, zone B</source>
        <translation>Quai 2, zone B</translation>
    </message>
    <message>
        <source>The system&apos;s</source>
        <translation>Celle du système</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Contraste élevé</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normale</translation>
    </message>
    <message>
        <source>Large</source>
        <translation>Grande</translation>
    </message>
    <message>
        <source>Sounds on scans and errors</source>
        <translation>Sons aux scans et aux erreurs</translation>
    </message>
    <message>
        <source>Test sound</source>
        <translation>Tester le son</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Emplacement</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Lock when left alone for</source>
        <translation>Verrouiller après une inactivité de</translation>
    </message>
    <message>
        <source>Colours</source>
        <translation>Couleurs</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>Taille du texte</translation>
    </message>
    <message>
        <source>Scanners</source>
        <translation>Scanners</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Longest pause between two characters of one scan; people type slower.</source>
        <translation>Pause la plus longue entre deux caractères d’un même scan ; une personne tape plus lentement.</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Tabulation</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Rien</translation>
    </message>
    <message>
        <source>Empty: no serial scanner</source>
        <translation>Vide : pas de scanner série</translation>
    </message>
    <message>
        <source>Test the hand scanner</source>
        <translation>Tester la douchette</translation>
    </message>
    <message>
        <source>Test the serial port</source>
        <translation>Tester le port série</translation>
    </message>
    <message>
        <source>Pause between characters at most</source>
        <translation>Pause maximale entre deux caractères</translation>
    </message>
    <message>
        <source>Scan ends with</source>
        <translation>Fin de scan</translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation>Préfixe</translation>
    </message>
    <message>
        <source>Suffix</source>
        <translation>Suffixe</translation>
    </message>
    <message>
        <source>Serial port</source>
        <translation>Port série</translation>
    </message>
    <message>
        <source>Speed (baud)</source>
        <translation>Vitesse (bauds)</translation>
    </message>
    <message>
        <source>Set by RS_STATION in the environment</source>
        <translation>Fixé par RS_STATION dans l’environnement</translation>
    </message>
    <message>
        <source>A sound was played. Did you hear it?</source>
        <translation>Un son a été joué. L’avez-vous entendu ?</translation>
    </message>
    <message>
        <source>This computer cannot play sounds.</source>
        <translation>Cet ordinateur ne peut pas jouer de sons.</translation>
    </message>
    <message>
        <source>Scan any barcode now…</source>
        <translation>Scannez un code-barres maintenant…</translation>
    </message>
    <message>
        <source>Read «{text}».</source>
        <translation>Lu « {text} ».</translation>
    </message>
    <message>
        <source>an RMA</source>
        <translation>un numéro de retour</translation>
    </message>
    <message>
        <source>an order number</source>
        <translation>un numéro de commande</translation>
    </message>
    <message>
        <source>a tracking number</source>
        <translation>un numéro de suivi</translation>
    </message>
    <message>
        <source>a license plate</source>
        <translation>une étiquette LPN</translation>
    </message>
    <message>
        <source>a product code</source>
        <translation>un code article</translation>
    </message>
    <message>
        <source>a badge</source>
        <translation>un badge</translation>
    </message>
    <message>
        <source>a command</source>
        <translation>une commande</translation>
    </message>
    <message>
        <source>nothing the station knows</source>
        <translation>rien que le poste connaisse</translation>
    </message>
    <message>
        <source>The scanner works: read «{text}», {kind}.</source>
        <translation>La douchette fonctionne : lu « {text} », {kind}.</translation>
    </message>
    <message>
        <source>Read «{text}», but it cannot be used: {why}</source>
        <translation>Lu « {text} », mais inutilisable : {why}</translation>
    </message>
    <message>
        <source>{port} opens at {baud} baud. Scan with it to see it read.</source>
        <translation>{port} s’ouvre à {baud} bauds. Scannez avec pour voir la lecture.</translation>
    </message>
    <message>
        <source>Settings saved and applied. A new language shows from the next start.</source>
        <translation>Réglages enregistrés et appliqués. Une nouvelle langue s’affiche au prochain démarrage.</translation>
    </message>
</context>
<context>
    <name>SetupPage</name>
    <message>
        <source>Welcome. Let&apos;s put this station into service.</source>
        <translation>Bienvenue. Mettons ce poste en service.</translation>
    </message>
    <message>
        <source>The database is empty. Name this station and create the first admin, who then adds the dock&apos;s people, prints their badges and sets the return policy.</source>
        <translation>La base de données est vide. Nommez ce poste et créez le premier administrateur : il ajoutera ensuite l’équipe du quai, imprimera les badges et fixera la politique de retour.</translation>
    </message>
    <message>
        <source>Start for real</source>
        <translation>Démarrer pour de bon</translation>
    </message>
    <message>
        <source>Dock 2, zone B</source>
        <translation>Quai 2, zone B</translation>
    </message>
    <message>
        <source>BDG-… (scan a new badge card, or type)</source>
        <translation>BDG-… (scannez une carte badge neuve, ou saisissez)</translation>
    </message>
    <message>
        <source>4 to 8 digits</source>
        <translation>4 à 8 chiffres</translation>
    </message>
    <message>
        <source>Station name</source>
        <translation>Nom du poste</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Emplacement</translation>
    </message>
    <message>
        <source>The first admin</source>
        <translation>Le premier administrateur</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <source>Badge</source>
        <translation>Badge</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>Code PIN</translation>
    </message>
    <message>
        <source>PIN again</source>
        <translation>Code PIN (confirmation)</translation>
    </message>
    <message>
        <source>Create the admin and start</source>
        <translation>Créer l’administrateur et démarrer</translation>
    </message>
    <message>
        <source>Just trying it?</source>
        <translation>Simple essai ?</translation>
    </message>
    <message>
        <source>Fill the database with demo people and {n} returns. Log in with the demo badges (BDG-1001 to BDG-1004). Never on the warehouse&apos;s shared database.</source>
        <translation>Remplir la base avec une équipe et {n} retours de démonstration. Connectez-vous avec les badges de démonstration (BDG-1001 à BDG-1004). Jamais sur la base partagée de l’entrepôt.</translation>
    </message>
    <message>
        <source>Fill with demo data</source>
        <translation>Remplir avec des données de démonstration</translation>
    </message>
    <message>
        <source>Scan a badge card (BDG-…) to give it to the admin.</source>
        <translation>Scannez une carte badge (BDG-…) pour l’attribuer à l’administrateur.</translation>
    </message>
    <message>
        <source>The two PINs differ. Nothing was saved.</source>
        <translation>Les deux codes PIN diffèrent. Rien n’a été enregistré.</translation>
    </message>
    <message>
        <source>Filling in demo data…</source>
        <translation>Chargement des données de démonstration…</translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message>
        <source>Print queue…</source>
        <translation>Impressions…</translation>
    </message>
    <message>
        <source>Nobody logged in</source>
        <translation>Personne n’est connecté</translation>
    </message>
    <message>
        <source>receiver</source>
        <translation>réceptionnaire</translation>
    </message>
    <message>
        <source>inspector</source>
        <translation>contrôleur</translation>
    </message>
    <message>
        <source>lead</source>
        <translation>chef d’équipe</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>administrateur</translation>
    </message>
    <message>
        <source>User: {name} ({role})</source>
        <translation>Utilisateur : {name} ({role})</translation>
    </message>
    <message>
        <source>Station: {name}</source>
        <translation>Poste : {name}</translation>
    </message>
    <message>
        <source>embedded</source>
        <translation>locale</translation>
    </message>
    <message>
        <source>shared</source>
        <translation>partagée</translation>
    </message>
    <message>
        <source>Database: {kind}, connected</source>
        <translation>Base de données {kind} : connectée</translation>
    </message>
    <message>
        <source>⚠ Database: {kind}, NOT reachable</source>
        <translation>⚠ Base de données {kind} : INJOIGNABLE</translation>
    </message>
    <message>
        <source>Serial scanner: {port} ready</source>
        <translation>Scanner série : {port} prêt</translation>
    </message>
    <message>
        <source>Printer: ready</source>
        <translation>Imprimante : prête</translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n label(s) in doubt: check the printer</source>
        <translation>
            <numerusform>⚠ %n étiquette à vérifier</numerusform>
            <numerusform>⚠ %n étiquettes à vérifier</numerusform>
        </translation>
    </message>
    <message>
        <source>Open the print queue: mark each label printed, or reprint it.</source>
        <translation>Ouvrez la file d’impression : marquez chaque étiquette imprimée, ou réimprimez-la.</translation>
    </message>
    <message>
        <source>waiting to print</source>
        <translation>en attente d’impression</translation>
    </message>
    <message numerus="yes">
        <source>⚠ Printer: %n label(s) waiting</source>
        <translation>
            <numerusform>⚠ %n étiquette en attente</numerusform>
            <numerusform>⚠ %n étiquettes en attente</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StepPanel</name>
    <message>
        <source>◀ Back</source>
        <translation>◀ Retour</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Passer</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Suivant ▶</translation>
    </message>
    <message>
        <source>Scan an item from the box to inspect it.</source>
        <translation>Scannez un article du carton pour le contrôler.</translation>
    </message>
    <message>
        <source>{ref} · {unit} · {workflow} (v{version})</source>
        <translation>{ref} · {unit} · {workflow} (v{version})</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Récapitulatif</translation>
    </message>
    <message>
        <source>Step {n} of {total}</source>
        <translation>Étape {n} sur {total}</translation>
    </message>
    <message>
        <source>License plate {lpn}</source>
        <translation>LPN {lpn}</translation>
    </message>
    <message>
        <source>Stick this label on the unit, then scan the next item.</source>
        <translation>Collez cette étiquette sur l’article, puis scannez l’article suivant.</translation>
    </message>
    <message>
        <source>Label preview</source>
        <translation>Aperçu de l’étiquette</translation>
    </message>
    <message>
        <source>Print the label again (REPRINT)</source>
        <translation>Réimprimer l’étiquette (RÉIMPRIMER)</translation>
    </message>
    <message>
        <source> (optional)</source>
        <translation> (facultatif)</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <source>Take photo (camera, Space)</source>
        <translation>Prendre une photo (caméra, Espace)</translation>
    </message>
    <message>
        <source>Add photo from a file…</source>
        <translation>Photo d’un fichier…</translation>
    </message>
    <message>
        <source>{n} photo(s) taken; at least {min}, at most {max}.</source>
        <translation>{n} photo(s) prise(s) ; au moins {min}, au plus {max}.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Remove photo {ref}</source>
        <translation>Retirer la photo {ref}</translation>
    </message>
    <message>
        <source>Scan it, or type it and press Enter</source>
        <translation>Scannez-le, ou saisissez-le et appuyez sur Entrée</translation>
    </message>
    <message>
        <source>Number in {unit}</source>
        <translation>Nombre en {unit}</translation>
    </message>
    <message>
        <source>Check the answers, then accept the decision</source>
        <translation>Vérifiez les réponses, puis validez la décision</translation>
    </message>
    <message>
        <source>⚠ Not complete yet: {q}</source>
        <translation>⚠ Pas encore complet : {q}</translation>
    </message>
    <message>
        <source>Go to that step</source>
        <translation>Aller à cette étape</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Modifier</translation>
    </message>
    <message>
        <source>Change: {q}</source>
        <translation>Modifier : {q}</translation>
    </message>
    <message>
        <source>Proposed: {disposition} → zone {zone}. Refund: {refund}.</source>
        <translation>Proposé : {disposition} → zone {zone}. Remboursement : {refund}.</translation>
    </message>
    <message>
        <source>Rule &apos;{rule}&apos; of the disposition rules, version {version}.</source>
        <translation>Règle « {rule} » des règles de destination, version {version}.</translation>
    </message>
    <message>
        <source>⚠ A lead approves this decision before the unit moves on.</source>
        <translation>⚠ Un chef d’équipe valide cette décision avant que l’article ne parte.</translation>
    </message>
    <message>
        <source>Accept the decision (DONE)</source>
        <translation>Valider la décision (TERMINÉ)</translation>
    </message>
    <message>
        <source>Another disposition</source>
        <translation>Autre destination</translation>
    </message>
    <message>
        <source>Why (required)</source>
        <translation>Pourquoi (obligatoire)</translation>
    </message>
    <message>
        <source>Reason for the override</source>
        <translation>Motif de la dérogation</translation>
    </message>
    <message>
        <source>Override</source>
        <translation>Déroger</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>{n} photo(s)</source>
        <translation>{n} photo(s)</translation>
    </message>
</context>
<context>
    <name>TestResult</name>
    <message>
        <source>Testing…</source>
        <translation>Test en cours…</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Badge</source>
        <translation>Badge</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>receiver</source>
        <translation>réceptionnaire</translation>
    </message>
    <message>
        <source>inspector</source>
        <translation>contrôleur</translation>
    </message>
    <message>
        <source>lead</source>
        <translation>chef d’équipe</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>administrateur</translation>
    </message>
    <message>
        <source>Station&apos;s language</source>
        <translation>Langue du poste</translation>
    </message>
    <message>
        <source>4 to 8 digits</source>
        <translation>4 à 8 chiffres</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>Code PIN</translation>
    </message>
    <message>
        <source>New user</source>
        <translation>Nouvel utilisateur</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Set PIN</source>
        <translation>Définir le code PIN</translation>
    </message>
    <message>
        <source>Print badge</source>
        <translation>Imprimer le badge</translation>
    </message>
    <message>
        <source>Print this user&apos;s badge label</source>
        <translation>Imprimer l’étiquette badge de cet utilisateur</translation>
    </message>
    <message>
        <source>active</source>
        <translation>actif</translation>
    </message>
    <message>
        <source>deactivated</source>
        <translation>désactivé</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>Désactiver</translation>
    </message>
    <message>
        <source>Reactivate</source>
        <translation>Réactiver</translation>
    </message>
    <message>
        <source>Scan a badge card (BDG-…) to give it to this user.</source>
        <translation>Scannez une carte badge (BDG-…) pour l’attribuer à cet utilisateur.</translation>
    </message>
    <message>
        <source>{name} created.</source>
        <translation>{name} créé.</translation>
    </message>
    <message>
        <source>{name} saved.</source>
        <translation>{name} enregistré.</translation>
    </message>
    <message>
        <source>{name} reactivated.</source>
        <translation>{name} réactivé.</translation>
    </message>
    <message>
        <source>{name} deactivated.</source>
        <translation>{name} désactivé.</translation>
    </message>
    <message>
        <source>New PIN saved for {name}.</source>
        <translation>Nouveau code PIN enregistré pour {name}.</translation>
    </message>
    <message>
        <source>Badge of {name} sent to the printer.</source>
        <translation>Badge de {name} envoyé à l’imprimante.</translation>
    </message>
</context>
<context>
    <name>actions</name>
    <message>
        <source>approve a parcel outside the return policy</source>
        <translation>accepter un colis hors politique de retour</translation>
    </message>
</context>
<context>
    <name>commands</name>
    <message>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>Receive the parcel / finish the step</source>
        <translation>Réceptionner le colis / terminer l’étape</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Suivant</translation>
    </message>
    <message>
        <source>Go to the next step or unit</source>
        <translation>Passer à l’étape ou à l’article suivant</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <source>Go back one step</source>
        <translation>Revenir d’une étape</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Passer</translation>
    </message>
    <message>
        <source>Skip a step that allows it</source>
        <translation>Passer une étape facultative</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Photo</translation>
    </message>
    <message>
        <source>Take a photo with the station camera</source>
        <translation>Prendre une photo avec la caméra du poste</translation>
    </message>
    <message>
        <source>Reprint</source>
        <translation>Réimprimer</translation>
    </message>
    <message>
        <source>Print the last label again</source>
        <translation>Réimprimer la dernière étiquette</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Clear the screen, keep nothing unsaved</source>
        <translation>Vider l’écran, sans rien garder de non enregistré</translation>
    </message>
</context>
<context>
    <name>crash</name>
    <message>
        <source>For the admin, the station log:</source>
        <translation>Pour l’administrateur, le journal du poste :</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>The database {where} does not let {user} change its schema: stations log in with a role that owns nothing. An admin runs &apos;receiving-station db upgrade --owner-url URL&apos; once, with the URL of the role that owns the tables (or sets RS_DATABASE_OWNER_URL).</source>
        <translation>La base de données {where} ne laisse pas {user} changer son schéma : les postes se connectent avec un rôle qui ne possède rien. Un administrateur lance une fois &apos;receiving-station db upgrade --owner-url URL&apos;, avec l&apos;URL du rôle propriétaire des tables (ou définit RS_DATABASE_OWNER_URL).</translation>
    </message>
    <message>
        <source>The shared database has schema {found}; this station needs {needed}. An admin runs &apos;receiving-station db upgrade&apos; once, then every station starts.</source>
        <translation>La base partagée est au schéma {found} ; ce poste a besoin du schéma {needed}. Un administrateur lance une fois « receiving-station db upgrade », puis tous les postes démarrent.</translation>
    </message>
    <message>
        <source>Something went wrong.</source>
        <translation>Un problème est survenu.</translation>
    </message>
    <message>
        <source>Configuration: {key} must be {expected} (found {found!r}) in {source}.</source>
        <translation>Configuration : {key} doit être {expected} (trouvé {found!r}) dans {source}.</translation>
    </message>
    <message>
        <source>{file}: {where}{field} must be {expected} (found {found}). The previous version stays in use until this is fixed.</source>
        <translation>{file} : {where}{field} doit être {expected} (trouvé {found}). La version précédente reste en service jusqu’à la correction.</translation>
    </message>
    <message>
        <source>The database cannot be reached ({detail}). Your work is kept on this station; check the network cable or call IT, then try again.</source>
        <translation>La base de données est injoignable ({detail}). Votre travail est conservé sur ce poste ; vérifiez le câble réseau ou appelez l’informatique, puis réessayez.</translation>
    </message>
    <message>
        <source>The disk that holds the database is full ({where}). Nothing more was saved. Free some space on it (or call IT), then try again.</source>
        <translation>Le disque qui contient la base de données est plein ({where}). Plus rien n’a été enregistré. Libérez de la place sur ce disque (ou appelez l’informatique), puis réessayez.</translation>
    </message>
    <message>
        <source>The database {where} is damaged ({detail}). The station stops writing to it. Close the station, have IT restore the file from the last backup, then start again.</source>
        <translation>La base de données {where} est endommagée ({detail}). Le poste n’y écrit plus. Fermez le poste, faites restaurer le fichier depuis la dernière sauvegarde par l’informatique, puis redémarrez.</translation>
    </message>
    <message>
        <source>The database {where} is damaged ({detail}). The station does not open it. Have IT restore the file from the last backup, then start the station again.</source>
        <translation>La base de données {where} est endommagée ({detail}). Le poste ne l’ouvre pas. Faites restaurer le fichier depuis la dernière sauvegarde par l’informatique, puis redémarrez le poste.</translation>
    </message>
    <message>
        <source>The database file {where} was deleted while the station was running. Nothing was saved. Close the station, put the file back from the backup (or from the station&apos;s data folder), then start again.</source>
        <translation>Le fichier de la base de données {where} a été supprimé pendant que le poste fonctionnait. Rien n’a été enregistré. Fermez le poste, remettez le fichier en place depuis la sauvegarde (ou depuis le dossier de données du poste), puis redémarrez.</translation>
    </message>
    <message>
        <source>The database file {where} was replaced by another file while the station was running. Nothing was saved. Close the station, put the right file back from the backup (or from the station&apos;s data folder), then start again.</source>
        <translation>Le fichier de la base de données {where} a été remplacé par un autre fichier pendant que le poste fonctionnait. Rien n’a été enregistré. Fermez le poste, remettez le bon fichier en place depuis la sauvegarde (ou depuis le dossier de données du poste), puis redémarrez.</translation>
    </message>
    <message>
        <source>The database file {where} is missing; it held this station&apos;s data on {when}. The station does not start on a new empty database. Put the file back from the backup (or from the station&apos;s data folder), then start again. To start afresh on purpose, start once with &apos;receiving-station --new-database&apos;.</source>
        <translation>Le fichier de la base de données {where} est introuvable ; il contenait les données de ce poste le {when}. Le poste ne démarre pas sur une nouvelle base vide. Remettez le fichier en place depuis la sauvegarde (ou depuis le dossier de données du poste), puis redémarrez. Pour repartir de zéro volontairement, démarrez une fois avec « receiving-station --new-database ».</translation>
    </message>
    <message>
        <source>The database {where} no longer protects its audit trail ({missing} missing or switched off): someone changed it outside the station, and the record of who did what may have been rewritten. The station does not open it. Have IT restore the database from the last backup, then start the station again.</source>
        <translation>La base de données {where} ne protège plus son journal d&apos;audit ({missing} absent ou désactivé) : quelqu&apos;un l&apos;a modifiée en dehors du poste, et la trace de qui a fait quoi a pu être réécrite. Le poste ne l&apos;ouvre pas. Faites restaurer la base par l&apos;informatique depuis la dernière sauvegarde, puis redémarrez le poste.</translation>
    </message>
    <message>
        <source>The database {where} is read-only for this station ({detail}). Nothing was saved. Ask IT to let the station write to the file and its folder, then try again.</source>
        <translation>La base de données {where} est en lecture seule pour ce poste ({detail}). Rien n’a été enregistré. Demandez à l’informatique d’autoriser le poste à écrire dans le fichier et son dossier, puis réessayez.</translation>
    </message>
    <message>
        <source>The database {where} stayed locked by another program for too long ({detail}). Nothing was saved. Close the other program (a backup, a second station window), then try again.</source>
        <translation>La base de données {where} est restée verrouillée trop longtemps par un autre programme ({detail}). Rien n’a été enregistré. Fermez l’autre programme (une sauvegarde, une deuxième fenêtre du poste), puis réessayez.</translation>
    </message>
    <message>
        <source>The database server {where} refused the station&apos;s log-in ({detail}). Nothing was saved. An admin checks the user name and password of the database URL in the station&apos;s configuration.</source>
        <translation>Le serveur de base de données {where} a refusé la connexion du poste ({detail}). Rien n’a été enregistré. Un administrateur vérifie l’utilisateur et le mot de passe de l’URL de la base dans la configuration du poste.</translation>
    </message>
    <message>
        <source>The database file {where} cannot be used ({detail}). Nothing was saved. Check the disk and the file (or call IT), then try again.</source>
        <translation>Le fichier de la base de données {where} est inutilisable ({detail}). Rien n’a été enregistré. Vérifiez le disque et le fichier (ou appelez l’informatique), puis réessayez.</translation>
    </message>
    <message>
        <source>The {device} is not available ({detail}). Everything else keeps working; check its cable and the station settings.</source>
        <translation>Périphérique indisponible : {device} ({detail}). Tout le reste fonctionne ; vérifiez son câble et les réglages du poste.</translation>
    </message>
    <message>
        <source>The scanner types for a US keyboard, but this PC has a French (AZERTY) keyboard: {text} is probably {meant}. Set the scanner to the PC&apos;s keyboard (scan the &apos;France&apos; or &apos;Belgium&apos; keyboard code in its set-up guide), then scan again.</source>
        <translation>Le scanner tape pour un clavier américain, mais ce PC a un clavier français (AZERTY) : {text} est sans doute {meant}. Réglez le scanner sur le clavier du PC (scannez le code de clavier « France » ou « Belgique » de son guide de configuration), puis scannez à nouveau.</translation>
    </message>
    <message>
        <source>{rma} has not been received yet. Receive the parcel first, then inspect it.</source>
        <translation>Le retour {rma} n’a pas encore été réceptionné. Réceptionnez d’abord le colis, puis contrôlez-le.</translation>
    </message>
    <message>
        <source>{text} is not a product code, SKU or serial number. Scan the barcode on the item or its label.</source>
        <translation>{text} n’est ni un code article, ni une référence, ni un numéro de série. Scannez le code-barres de l’article ou de son étiquette.</translation>
    </message>
    <message>
        <source>{ref} is already finished; its answers can no longer change.</source>
        <translation>{ref} est déjà terminé ; ses réponses ne peuvent plus changer.</translation>
    </message>
    <message>
        <source>Units of this parcel are still being inspected ({refs}). Finish them first.</source>
        <translation>Des articles de ce colis sont encore en contrôle ({refs}). Terminez-les d’abord.</translation>
    </message>
    <message>
        <source>Photo {ref} does not match its checksum: it was damaged in storage. Take it again.</source>
        <translation>La photo {ref} ne correspond plus à sa somme de contrôle : elle a été abîmée dans le stockage. Reprenez-la.</translation>
    </message>
    <message>
        <source>{path} cannot be written ({detail}). Choose another folder and try again.</source>
        <translation>Impossible d’écrire {path} ({detail}). Choisissez un autre dossier et recommencez.</translation>
    </message>
    <message>
        <source>This photo cannot be used: {reason}. Nothing was saved.</source>
        <translation>Cette photo est inutilisable : {reason}. Rien n’a été enregistré.</translation>
    </message>
    <message>
        <source>The label&apos;s {field} ({value}) does not fit, even in small print. The label was not printed; a lead checks the template.</source>
        <translation>Le champ {field} de l’étiquette ({value}) ne tient pas, même en petits caractères. L’étiquette n’a pas été imprimée ; un chef d’équipe vérifie le modèle.</translation>
    </message>
    <message>
        <source>The printer {printer} does not answer ({detail}). The label is kept in the print queue and printed when it is back; the decision is saved.</source>
        <translation>L’imprimante {printer} ne répond pas ({detail}). L’étiquette reste dans la file d’impression et sera imprimée à son retour ; la décision est enregistrée.</translation>
    </message>
    <message>
        <source>The printer {printer} broke off the connection ({detail}) before confirming the label ({sent} of {total} bytes had reached it): the label may be cut short. It stays in the print queue and is sent again.</source>
        <translation>L’imprimante {printer} a coupé la connexion ({detail}) sans confirmer l’étiquette ({sent} octets sur {total} lui étaient parvenus) : l’étiquette est peut-être tronquée. Elle reste dans la file d’impression et sera renvoyée.</translation>
    </message>
    <message>
        <source>The printer {printer} cannot print: {condition}. Nothing was sent; fix the printer and the label is sent again.</source>
        <translation>L’imprimante {printer} ne peut pas imprimer : {condition}. Rien n’a été envoyé ; remettez l’imprimante en état et l’étiquette sera renvoyée.</translation>
    </message>
    <message>
        <source>The printer {printer} took the label but did not finish the connection within {seconds} s: check whether it printed, then mark it printed or reprint it.</source>
        <translation>L’imprimante {printer} a reçu l’étiquette mais n’a pas terminé la connexion en {seconds} s : vérifiez si elle est sortie, puis marquez-la imprimée ou réimprimez-la.</translation>
    </message>
    <message>
        <source>The station stopped while this label was being sent to {printer}: check whether it printed, then mark it printed or reprint it.</source>
        <translation>Le poste s’est arrêté pendant l’envoi de cette étiquette à {printer} : vérifiez si elle est sortie, puis marquez-la imprimée ou réimprimez-la.</translation>
    </message>
    <message>
        <source>The label {lpn} is no longer in doubt: someone already settled it. Nothing was changed.</source>
        <translation>L’étiquette {lpn} n’est plus incertaine : quelqu’un l’a déjà réglée. Rien n’a été modifié.</translation>
    </message>
    <message>
        <source>The message to {recipient} was not delivered ({detail}). It stays in the outbox and is sent again later.</source>
        <translation>Le message pour {recipient} n’a pas été remis ({detail}). Il reste dans la boîte d’envoi et sera renvoyé plus tard.</translation>
    </message>
    <message>
        <source>{field}: {problem}. Nothing was saved.</source>
        <translation>{field} : {problem}. Rien n’a été enregistré.</translation>
    </message>
    <message>
        <source>{step}: {problem}. Nothing was saved.</source>
        <translation>{step} : {problem}. Rien n’a été enregistré.</translation>
    </message>
    <message>
        <source>The inspection cannot be completed yet: {step}: {problem}.</source>
        <translation>Le contrôle ne peut pas encore être terminé : {step} : {problem}.</translation>
    </message>
    <message>
        <source>This scan cannot be read ({text}): {reason}. Scan it again.</source>
        <translation>Ce scan est illisible ({text}) : {reason}. Scannez-le à nouveau.</translation>
    </message>
    <message>
        <source>Nothing matches {text}. Check the label, type the RMA or order number, or register the parcel as unidentified.</source>
        <translation>Aucun retour ne correspond à {text}. Vérifiez l’étiquette, saisissez le n° de retour ou de commande, ou enregistrez le colis comme non identifié.</translation>
    </message>
    <message>
        <source>License plate {text} is not known here. Check that the label belongs to this site.</source>
        <translation>Le LPN {text} est inconnu ici. Vérifiez que l’étiquette appartient bien à ce site.</translation>
    </message>
    <message>
        <source>RMA {rma} was already received by {user} at {station} on {when}. Do not receive it again; put the parcel with its first receipt.</source>
        <translation>Le retour {rma} a déjà été réceptionné par {user} au poste {station} le {when}. Ne le réceptionnez pas une deuxième fois ; rangez le colis avec sa première réception.</translation>
    </message>
    <message>
        <source>RMA {rma}: {reason}. A lead must approve before this parcel is received.</source>
        <translation>Retour {rma} : {reason}. Un chef d’équipe doit donner son accord avant la réception du colis.</translation>
    </message>
    <message>
        <source>{user} cannot approve: only an active lead or admin, with their badge and PIN, can. Nothing was received.</source>
        <translation>{user} ne peut pas donner son accord : seul un chef d’équipe ou un administrateur actif, avec son badge et son code PIN, le peut. Rien n’a été réceptionné.</translation>
    </message>
    <message>
        <source>{ref}: {why} needs the deciding lead&apos;s badge and PIN, typed now. Nothing was changed.</source>
        <translation>{ref} : {why} exige le badge et le code PIN du chef d’équipe qui décide, saisis maintenant. Rien n’a été modifié.</translation>
    </message>
    <message>
        <source>{user} cannot decide this: only an active lead or admin, with their badge and PIN, can. Nothing was changed.</source>
        <translation>{user} ne peut pas prendre cette décision : seul un chef d’équipe ou un administrateur actif, avec son badge et son code PIN, le peut. Rien n’a été modifié.</translation>
    </message>
    <message>
        <source>{user} ({role}) may not {action}. Ask a lead.</source>
        <translation>{user} ({role}) n’a pas le droit de {action}. Demandez à un chef d’équipe.</translation>
    </message>
    <message>
        <source>{entity} cannot go from {current} to {target}; from {current} it can only go to {allowed}.</source>
        <translation>{entity} ne peut pas passer de {current} à {target} ; depuis {current}, seul {allowed} est possible.</translation>
    </message>
    <message>
        <source>{what} is being handled by {user} at {station} since {when}. Work on another parcel, or ask them to release it.</source>
        <translation>{what} est pris en charge par {user} au poste {station} depuis {when}. Traitez un autre colis, ou demandez-lui de le libérer.</translation>
    </message>
    <message>
        <source>{what} was changed at another station while you had it open. Your change was not saved; reload it and try again.</source>
        <translation>{what} a été modifié sur un autre poste pendant que vous l’aviez ouvert. Votre modification n’est pas enregistrée ; rechargez et recommencez.</translation>
    </message>
    <message>
        <source>Log-in refused: {reason}. Scan your badge again or ask a lead.</source>
        <translation>Connexion refusée : {reason}. Scannez de nouveau votre badge ou demandez à un chef d’équipe.</translation>
    </message>
    <message>
        <source>Not approved: {reason}. Nothing was changed.</source>
        <translation>Non approuvé : {reason}. Rien n’a été modifié.</translation>
    </message>
    <message>
        <source>{user} is locked out after {failures} wrong PINs in a row, until {until}. A lead or an admin can lift it now (Dashboard or Users page, or: receiving-station users unlock {username}).</source>
        <translation>{user} est bloqué(e) après {failures} codes PIN faux de suite, jusqu’à {until}. Un chef d’équipe ou un administrateur peut le débloquer dès maintenant (page Bilan ou Utilisateurs, ou : receiving-station users unlock {username}).</translation>
    </message>
    <message>
        <source>Log-in at {station} is locked after {failures} failed tries in a row, until {until}. A lead or an admin can lift it now (Dashboard or Users page, or: receiving-station users unlock --station {station}).</source>
        <translation>La connexion au poste {station} est bloquée après {failures} essais manqués de suite, jusqu’à {until}. Un chef d’équipe ou un administrateur peut la débloquer dès maintenant (page Bilan ou Utilisateurs, ou : receiving-station users unlock --station {station}).</translation>
    </message>
    <message>
        <source>Too quick: wait {seconds} s before typing the PIN again. This try was not checked.</source>
        <translation>Trop rapide : attendez {seconds} s avant de retaper le code PIN. Cet essai n’a pas été vérifié.</translation>
    </message>
    <message>
        <source>{user} ({role}) logs in with a badge and a PIN: type your PIN.</source>
        <translation>{user} ({role}) se connecte avec un badge et un code PIN : tapez votre code PIN.</translation>
    </message>
    <message>
        <source>{what} was not found.</source>
        <translation>{what} est introuvable.</translation>
    </message>
    <message>
        <source>Nobody is logged in at this station. Scan your badge.</source>
        <translation>Personne n’est connecté sur ce poste. Scannez votre badge.</translation>
    </message>
    <message>
        <source>RMA {rma_id} already has a receipt.</source>
        <translation>Le retour {rma_id} a déjà une réception.</translation>
    </message>
    <message>
        <source>{path} cannot be read: {reason}. Nothing was saved.</source>
        <translation>{path} ne peut pas être lu : {reason}. Rien n’a été enregistré.</translation>
    </message>
    <message>
        <source>{path} is larger than {limit}, the most the station reads from such a file. Nothing was saved.</source>
        <translation>{path} dépasse {limit}, le maximum que le poste lit pour un tel fichier. Rien n’a été enregistré.</translation>
    </message>
    <message>
        <source>this badge is not known</source>
        <translation>ce badge est inconnu</translation>
    </message>
    <message>
        <source>this user is deactivated</source>
        <translation>cet utilisateur est désactivé</translation>
    </message>
    <message>
        <source>the user name or the PIN is wrong</source>
        <translation>l’identifiant ou le code PIN est faux</translation>
    </message>
    <message>
        <source>the badge or the PIN is wrong</source>
        <translation>le badge ou le code PIN est faux</translation>
    </message>
    <message>
        <source>this identity does not log in at a station</source>
        <translation>cette identité ne se connecte pas à un poste</translation>
    </message>
    <message>
        <source>receiver</source>
        <translation>réceptionnaire</translation>
    </message>
    <message>
        <source>inspector</source>
        <translation>contrôleur</translation>
    </message>
    <message>
        <source>lead</source>
        <translation>chef d’équipe</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>administrateur</translation>
    </message>
    <message>
        <source>this is a badge or a command, not a parcel label</source>
        <translation>c’est un badge ou une commande, pas une étiquette de colis</translation>
    </message>
    <message>
        <source>the return window has passed</source>
        <translation>le délai de retour est dépassé</translation>
    </message>
    <message>
        <source>this RMA was cancelled</source>
        <translation>ce retour a été annulé</translation>
    </message>
    <message>
        <source>this return was declined</source>
        <translation>ce retour a été refusé</translation>
    </message>
    <message>
        <source>overriding the disposition</source>
        <translation>changer la destination</translation>
    </message>
    <message>
        <source>approving a return outside the policy</source>
        <translation>valider un retour hors politique</translation>
    </message>
    <message>
        <source>approving a unit suspected of fraud</source>
        <translation>valider un article suspecté de fraude</translation>
    </message>
    <message>
        <source>approving an inspector&apos;s override above the limit</source>
        <translation>valider une dérogation du contrôleur au-delà du plafond</translation>
    </message>
    <message>
        <source>approving a unit worth more than the limit</source>
        <translation>valider un article d’une valeur au-delà du plafond</translation>
    </message>
    <message>
        <source>linking the parcel to an RMA outside the policy</source>
        <translation>rattacher le colis à un retour hors politique</translation>
    </message>
    <message>
        <source>an unknown badge</source>
        <translation>un badge inconnu</translation>
    </message>
    <message>
        <source>The packaging is damaged: photograph the parcel before it is opened (at least one photo). Nothing was saved.</source>
        <translation>L’emballage est endommagé : photographiez le colis avant de l’ouvrir (au moins une photo). Rien n’a été enregistré.</translation>
    </message>
    <message>
        <source>it is empty</source>
        <translation>il est vide</translation>
    </message>
    <message>
        <source>the scanner sent bytes that are not text</source>
        <translation>le scanner a envoyé des octets qui ne sont pas du texte</translation>
    </message>
    <message>
        <source>it is far longer than any label we read</source>
        <translation>il est bien plus long que toutes nos étiquettes</translation>
    </message>
    <message>
        <source>it holds control characters a label never has</source>
        <translation>il contient des caractères de contrôle qu’aucune étiquette ne porte</translation>
    </message>
    <message>
        <source>the license plate&apos;s check digit is wrong (a misread or a typing error)</source>
        <translation>la clé de contrôle du LPN est fausse (mauvaise lecture ou erreur de saisie)</translation>
    </message>
    <message>
        <source>Unexpected problem ({name}). It was written to the station log; your work is kept. Try again, and tell a lead if it happens again.</source>
        <translation>Problème inattendu ({name}). Il est noté dans le journal du poste ; votre travail est conservé. Réessayez, et prévenez un chef d’équipe si cela se reproduit.</translation>
    </message>
    <message>
        <source>receive parcels</source>
        <translation>réceptionner des colis</translation>
    </message>
    <message>
        <source>register unidentified parcels</source>
        <translation>enregistrer des colis non identifiés</translation>
    </message>
    <message>
        <source>inspect items</source>
        <translation>contrôler des articles</translation>
    </message>
    <message>
        <source>review exceptions</source>
        <translation>examiner les anomalies</translation>
    </message>
    <message>
        <source>resolve exceptions</source>
        <translation>clore les anomalies</translation>
    </message>
    <message>
        <source>manage users</source>
        <translation>gérer les utilisateurs</translation>
    </message>
    <message>
        <source>import RMAs</source>
        <translation>importer des retours</translation>
    </message>
    <message>
        <source>change the return policy</source>
        <translation>modifier la politique de retour</translation>
    </message>
    <message>
        <source>change this station&apos;s settings</source>
        <translation>modifier les réglages de ce poste</translation>
    </message>
    <message>
        <source>read customers&apos; data (photos, messages, evidence)</source>
        <translation>lire les données des clients (photos, messages, dossiers de preuves)</translation>
    </message>
    <message>
        <source>lift a log-in lock-out</source>
        <translation>lever un blocage de connexion</translation>
    </message>
    <message>
        <source>it looks like GS1 data but does not parse</source>
        <translation>cela ressemble à des données GS1, mais elles sont illisibles</translation>
    </message>
    <message>
        <source>the product code&apos;s check digit is wrong</source>
        <translation>la clé de contrôle du code article est fausse</translation>
    </message>
    <message>
        <source>the shipping container code&apos;s check digit is wrong</source>
        <translation>la clé de contrôle du code colis (SSCC) est fausse</translation>
    </message>
    <message>
        <source>camera</source>
        <translation>caméra</translation>
    </message>
    <message>
        <source>serial scanner</source>
        <translation>scanner série</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Base de données</translation>
    </message>
    <message>
        <source>it already has users: demo data goes in an empty one</source>
        <translation>elle contient déjà des utilisateurs : les données de démonstration vont dans une base vide</translation>
    </message>
    <message>
        <source>it is set by RS_STATION in the environment; change it there</source>
        <translation>il est fixé par RS_STATION dans l’environnement ; modifiez-le là</translation>
    </message>
    <message>
        <source>The printer {printer} does not answer ({detail}). Nothing was saved: check the address and that the printer is on, then save again.</source>
        <translation>L’imprimante {printer} ne répond pas ({detail}). Rien n’a été enregistré : vérifiez l’adresse et que l’imprimante est allumée, puis enregistrez à nouveau.</translation>
    </message>
    <message>
        <source>an override needs a reason of a few words</source>
        <translation>une dérogation demande un motif de quelques mots</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>Disposition</source>
        <translation>Destination</translation>
    </message>
    <message>
        <source>RMA</source>
        <translation>Retour</translation>
    </message>
    <message>
        <source>write a few words: what was decided and why</source>
        <translation>écrivez quelques mots : ce qui a été décidé et pourquoi</translation>
    </message>
    <message>
        <source>choose one of the dispositions shown</source>
        <translation>choisissez l’une des destinations proposées</translation>
    </message>
    <message>
        <source>this exception has no unit to decide on</source>
        <translation>cette anomalie n’a pas d’article sur lequel décider</translation>
    </message>
    <message>
        <source>only an unidentified parcel is linked to an RMA</source>
        <translation>seul un colis non identifié se rattache à un retour</translation>
    </message>
    <message>
        <source>that RMA already has a parcel received</source>
        <translation>ce retour a déjà un colis réceptionné</translation>
    </message>
    <message>
        <source>the unit is not waiting for a lead</source>
        <translation>l’article n’attend pas de chef d’équipe</translation>
    </message>
    <message>
        <source>{ref} was already decided by {lead} at {when}: {resolution}. Nothing was changed.</source>
        <translation>{ref} a déjà été décidée par {lead} le {when} : {resolution}. Rien n’a été modifié.</translation>
    </message>
    <message>
        <source>the answer must be yes or no</source>
        <translation>la réponse doit être oui ou non</translation>
    </message>
    <message>
        <source>the answer must be one of the choices shown</source>
        <translation>la réponse doit être l’un des choix proposés</translation>
    </message>
    <message>
        <source>the answer must be items of the list shown</source>
        <translation>la réponse doit être des éléments de la liste proposée</translation>
    </message>
    <message>
        <source>the answer must be a grade of the scale</source>
        <translation>la réponse doit être un grade de l’échelle</translation>
    </message>
    <message>
        <source>the answer must be photos, no more than allowed</source>
        <translation>la réponse doit être des photos, pas plus que le nombre permis</translation>
    </message>
    <message>
        <source>scan or type the code</source>
        <translation>scannez ou saisissez le code</translation>
    </message>
    <message>
        <source>the answer must be a number within the limits</source>
        <translation>la réponse doit être un nombre dans les limites</translation>
    </message>
    <message>
        <source>the note is longer than allowed</source>
        <translation>la remarque est plus longue que permis</translation>
    </message>
    <message>
        <source>this step is required and cannot be skipped</source>
        <translation>cette étape est obligatoire et ne peut pas être passée</translation>
    </message>
    <message>
        <source>there is no step to answer: check the summary</source>
        <translation>il n’y a pas d’étape à remplir : vérifiez le récapitulatif</translation>
    </message>
    <message>
        <source>this required step has no answer yet</source>
        <translation>cette étape obligatoire n’a pas encore de réponse</translation>
    </message>
    <message>
        <source>it needs more photos</source>
        <translation>il faut davantage de photos</translation>
    </message>
    <message>
        <source>units are inspected one by one: the quantity must be 1</source>
        <translation>les articles se contrôlent un par un : la quantité doit être 1</translation>
    </message>
    <message>
        <source>The parcel</source>
        <translation>Le colis</translation>
    </message>
    <message>
        <source>The inspection</source>
        <translation>Le contrôle</translation>
    </message>
    <message>
        <source>it is not a JPEG or PNG image</source>
        <translation>ce n’est pas une image JPEG ou PNG</translation>
    </message>
    <message>
        <source>the step on screen takes no photo</source>
        <translation>l’étape affichée ne prend pas de photo</translation>
    </message>
    <message>
        <source>this step already has all the photos it takes</source>
        <translation>cette étape a déjà toutes ses photos</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Badge</source>
        <translation>Badge</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>Code PIN</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>2 to 32 lower-case letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;, starting with a letter</source>
        <translation>2 à 32 lettres minuscules, chiffres, « . », « _ » ou « - », en commençant par une lettre</translation>
    </message>
    <message>
        <source>another user already has it</source>
        <translation>un autre utilisateur l’a déjà</translation>
    </message>
    <message>
        <source>it is empty or longer than 120 characters</source>
        <translation>il est vide ou dépasse 120 caractères</translation>
    </message>
    <message>
        <source>it must read BDG- and 3 to 16 capital letters or digits</source>
        <translation>il doit commencer par BDG- suivi de 3 à 16 majuscules ou chiffres</translation>
    </message>
    <message>
        <source>it must be 4 to 8 digits</source>
        <translation>il doit compter 4 à 8 chiffres</translation>
    </message>
    <message>
        <source>it is too easy to guess (one digit repeated, or digits in a row)</source>
        <translation>il est trop facile à deviner (un seul chiffre répété, ou des chiffres qui se suivent)</translation>
    </message>
    <message>
        <source>it must be receiver, inspector, lead or admin</source>
        <translation>il doit être réceptionnaire, contrôleur, chef d’équipe ou administrateur</translation>
    </message>
    <message>
        <source>you cannot deactivate yourself</source>
        <translation>vous ne pouvez pas vous désactiver vous-même</translation>
    </message>
    <message>
        <source>only an admin creates users once the first one exists</source>
        <translation>seul un administrateur crée des utilisateurs une fois le premier créé</translation>
    </message>
    <message>
        <source>The return policy</source>
        <translation>La politique de retour</translation>
    </message>
    <message>
        <source>Return window</source>
        <translation>Délai de retour</translation>
    </message>
    <message>
        <source>Return window of a channel</source>
        <translation>Délai de retour d’un canal</translation>
    </message>
    <message>
        <source>Return window of a category</source>
        <translation>Délai de retour d’une catégorie</translation>
    </message>
    <message>
        <source>Restocking fee</source>
        <translation>Frais de remise en stock</translation>
    </message>
    <message>
        <source>Lead approval above</source>
        <translation>Validation du chef d’équipe au-delà de</translation>
    </message>
    <message>
        <source>Override needs a lead above</source>
        <translation>Dérogation validée par un chef d’équipe au-delà de</translation>
    </message>
    <message>
        <source>Exception SLA</source>
        <translation>Délai de traitement des anomalies</translation>
    </message>
    <message>
        <source>a whole number of days from 1 to 365</source>
        <translation>un nombre entier de jours de 1 à 365</translation>
    </message>
    <message>
        <source>a percentage from 0 to 100</source>
        <translation>un pourcentage de 0 à 100</translation>
    </message>
    <message>
        <source>an amount from 0 to 1,000,000</source>
        <translation>un montant de 0 à 1 000 000</translation>
    </message>
    <message>
        <source>a whole number of hours from 1 to 720</source>
        <translation>un nombre entier d’heures de 1 à 720</translation>
    </message>
    <message>
        <source>one of the grades A, B, C, D or X</source>
        <translation>l’un des grades A, B, C, D ou X</translation>
    </message>
    <message>
        <source>a name of lower-case letters, digits, &apos;_&apos; or &apos;-&apos; (at most 32)</source>
        <translation>un nom en minuscules, chiffres, « _ » ou « - » (32 au plus)</translation>
    </message>
    <message>
        <source>{field}{which}: it must be {expected}; found {found}. Nothing was saved.</source>
        <translation>{field}{which} : il faut {expected} ; trouvé {found}. Rien n’a été enregistré.</translation>
    </message>
    <message>
        <source>Station name</source>
        <translation>Nom du poste</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Emplacement</translation>
    </message>
    <message>
        <source>1 to 40 letters, digits, spaces, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;, starting with a letter or digit</source>
        <translation>1 à 40 lettres, chiffres, espaces, « . », « _ » ou « - », en commençant par une lettre ou un chiffre</translation>
    </message>
    <message>
        <source>another station already has this name</source>
        <translation>un autre poste porte déjà ce nom</translation>
    </message>
    <message>
        <source>at most 120 characters</source>
        <translation>120 caractères au plus</translation>
    </message>
    <message>
        <source>it is not a JPEG or PNG image the station can read</source>
        <translation>ce n’est pas une image JPEG ou PNG lisible par le poste</translation>
    </message>
    <message>
        <source>it is larger than 25 MB</source>
        <translation>elle dépasse 25 Mo</translation>
    </message>
    <message>
        <source>it has more than 60 million pixels</source>
        <translation>elle dépasse 60 millions de pixels</translation>
    </message>
    <message>
        <source>The export was cancelled after {done} of {total} units; no file was left.</source>
        <translation>L’export a été annulé après {done} articles sur {total} ; aucun fichier n’a été laissé.</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Recherche</translation>
    </message>
    <message>
        <source>scan or type an RMA, order, tracking number, license plate, SKU or customer</source>
        <translation>scannez ou tapez un retour, une commande, un n° de suivi, une étiquette unité, une référence ou un client</translation>
    </message>
    <message>
        <source>at most 200 characters</source>
        <translation>200 caractères au maximum</translation>
    </message>
    <message>
        <source>paper out</source>
        <translation>plus de papier</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>en pause</translation>
    </message>
    <message>
        <source>print head open</source>
        <translation>tête d’impression ouverte</translation>
    </message>
    <message>
        <source>ribbon out</source>
        <translation>plus de ruban</translation>
    </message>
    <message>
        <source>receive buffer full</source>
        <translation>mémoire de réception pleine</translation>
    </message>
    <message>
        <source>it is a folder, not a file</source>
        <translation>c’est un dossier, pas un fichier</translation>
    </message>
    <message>
        <source>it is a device or a pipe, not a file</source>
        <translation>c’est un périphérique ou un tube, pas un fichier</translation>
    </message>
    <message>
        <source>there is no such file</source>
        <translation>ce fichier n’existe pas</translation>
    </message>
    <message>
        <source>the station is not allowed to read it</source>
        <translation>le poste n’a pas le droit de le lire</translation>
    </message>
    <message>
        <source>its folder does not exist</source>
        <translation>son dossier n’existe pas</translation>
    </message>
    <message>
        <source>a part of the path is a file, not a folder</source>
        <translation>une partie du chemin est un fichier, pas un dossier</translation>
    </message>
    <message>
        <source>the station is not allowed to write there</source>
        <translation>le poste n’a pas le droit d’y écrire</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>le disque est plein</translation>
    </message>
    <message>
        <source>A lock-out</source>
        <translation>Un blocage</translation>
    </message>
</context>
<context>
    <name>import</name>
    <message>
        <source>{file} ({format}): {created} created, {updated} updated, {unchanged} unchanged, {problems} problem(s)</source>
        <translation>{file} ({format}) : {created} créé(s), {updated} mis à jour, {unchanged} inchangé(s), {problems} problème(s)</translation>
    </message>
    <message>
        <source>unknown format</source>
        <translation>format inconnu</translation>
    </message>
    <message>
        <source>missing columns: {columns}</source>
        <translation>colonnes manquantes : {columns}</translation>
    </message>
    <message>
        <source>{field} is missing</source>
        <translation>{field} : valeur manquante</translation>
    </message>
    <message>
        <source>{field} should be open, cancelled or declined, not {value}</source>
        <translation>{field} doit valoir open, cancelled ou declined, pas {value}</translation>
    </message>
    <message>
        <source>{field} differs from line {line}: the same RMA number with different RMA details</source>
        <translation>{field} diffère de la ligne {line} : le même numéro de retour avec d’autres détails du retour</translation>
    </message>
    <message>
        <source>{field} {value} is not a request status</source>
        <translation>{field} {value} n’est pas un statut de demande</translation>
    </message>
    <message>
        <source>{field} {value} is not a Shopify return status</source>
        <translation>{field} {value} n’est pas un statut de retour Shopify</translation>
    </message>
    <message>
        <source>{field} is empty</source>
        <translation>{field} est vide</translation>
    </message>
    <message>
        <source>no return ({paths})</source>
        <translation>aucun retour ({paths})</translation>
    </message>
    <message>
        <source>{field} {value} is not a Loop return state</source>
        <translation>{field} {value} n’est pas un état de retour Loop</translation>
    </message>
    <message>
        <source>{field} {value} is not an AfterShip return event</source>
        <translation>{field} {value} n’est pas un événement de retour AfterShip</translation>
    </message>
    <message>
        <source>line {line}</source>
        <translation>ligne {line}</translation>
    </message>
    <message>
        <source>file</source>
        <translation>fichier</translation>
    </message>
    <message>
        <source>{where} ({rma}): {reason}</source>
        <translation>{where} ({rma}) : {reason}</translation>
    </message>
    <message>
        <source>{where}: {reason}</source>
        <translation>{where} : {reason}</translation>
    </message>
    <message>
        <source>&apos;{text}&apos;…</source>
        <translation>« {text} »…</translation>
    </message>
    <message>
        <source>&apos;{text}&apos;</source>
        <translation>« {text} »</translation>
    </message>
    <message>
        <source>{field} should be text, not {kind}</source>
        <translation>{field} doit être du texte, pas {kind}</translation>
    </message>
    <message>
        <source>{field} is longer than {limit} characters</source>
        <translation>{field} dépasse {limit} caractères</translation>
    </message>
    <message>
        <source>{field} holds a control character ({char}) at character {at}</source>
        <translation>{field} contient un caractère de contrôle ({char}) au caractère {at}</translation>
    </message>
    <message>
        <source>{field} should be a whole number, not {value}</source>
        <translation>{field} doit être un nombre entier, pas {value}</translation>
    </message>
    <message>
        <source>{field} should be at least {low}, not {value}</source>
        <translation>{field} doit valoir au moins {low}, pas {value}</translation>
    </message>
    <message>
        <source>{field} should be at most {high}, not {value}</source>
        <translation>{field} doit valoir au plus {high}, pas {value}</translation>
    </message>
    <message>
        <source>{field} should be an amount, not {value}</source>
        <translation>{field} doit être un montant, pas {value}</translation>
    </message>
    <message>
        <source>{field} should be an amount from 0 to {high}, not {value}</source>
        <translation>{field} doit être un montant de 0 à {high}, pas {value}</translation>
    </message>
    <message>
        <source>{field} should be a date such as 2026-11-26, not {value}</source>
        <translation>{field} doit être une date telle que 2026-11-26, pas {value}</translation>
    </message>
    <message>
        <source>{field} should be between {first} and {last}, not {value}</source>
        <translation>{field} doit être entre le {first} et le {last}, pas {value}</translation>
    </message>
    <message>
        <source>{field} {value} is before the RMA was created ({created})</source>
        <translation>{field} {value} précède la création du retour ({created})</translation>
    </message>
    <message>
        <source>customer e-mail</source>
        <translation>e-mail du client</translation>
    </message>
    <message>
        <source>{field} is not an e-mail address: {value}</source>
        <translation>{field} n’est pas une adresse e-mail : {value}</translation>
    </message>
    <message>
        <source>not valid JSON (line {line}, column {column})</source>
        <translation>JSON non valide (ligne {line}, colonne {column})</translation>
    </message>
    <message>
        <source>holds a number too long to read (more than 4,300 digits)</source>
        <translation>contient un nombre trop long pour être lu (plus de 4 300 chiffres)</translation>
    </message>
    <message>
        <source>nested more than {depth} levels deep: not a store export</source>
        <translation>imbriqué sur plus de {depth} niveaux : ce n’est pas un export de boutique</translation>
    </message>
    <message>
        <source>not a format the station reads ({formats}): give --format if it is one</source>
        <translation>pas un format que le poste sait lire ({formats}) : indiquez --format si c’en est un</translation>
    </message>
    <message>
        <source>cannot be read ({detail})</source>
        <translation>illisible ({detail})</translation>
    </message>
    <message>
        <source>not a regular file (a folder, a device or a pipe): give an export file</source>
        <translation>pas un fichier ordinaire (un dossier, un périphérique ou un tube) : donnez un fichier d’export</translation>
    </message>
    <message>
        <source>larger than {size} MB: split the export</source>
        <translation>plus de {size} Mo : découpez l’export</translation>
    </message>
    <message>
        <source>not UTF-8 text (byte {byte}); export the file as UTF-8 and import it again</source>
        <translation>pas du texte UTF-8 (octet {byte}) ; exportez le fichier en UTF-8 et importez-le à nouveau</translation>
    </message>
    <message>
        <source>tracking number {tracking} already belongs to {owner}</source>
        <translation>le numéro de suivi {tracking} appartient déjà à {owner}</translation>
    </message>
    <message>
        <source>{rma} has already been received: the changes are not applied</source>
        <translation>{rma} a déjà été réceptionné : les modifications ne sont pas appliquées</translation>
    </message>
    <message>
        <source>{rma} appears twice with different content</source>
        <translation>{rma} figure deux fois avec un contenu différent</translation>
    </message>
    <message>
        <source>the station could not import it ({detail}); its log has the details</source>
        <translation>le poste n’a pas pu l’importer ({detail}) ; son journal donne les détails</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>Restock</source>
        <translation>Remise en stock</translation>
    </message>
    <message>
        <source>Refurbish</source>
        <translation>Reconditionnement</translation>
    </message>
    <message>
        <source>Return to vendor</source>
        <translation>Retour fournisseur</translation>
    </message>
    <message>
        <source>Liquidate</source>
        <translation>Déstockage</translation>
    </message>
    <message>
        <source>Donate</source>
        <translation>Don</translation>
    </message>
    <message>
        <source>Recycle</source>
        <translation>Recyclage</translation>
    </message>
    <message>
        <source>Destroy</source>
        <translation>Destruction</translation>
    </message>
    <message>
        <source>Quarantine</source>
        <translation>Quarantaine</translation>
    </message>
    <message>
        <source>full, {amount}</source>
        <translation>intégral, {amount}</translation>
    </message>
    <message>
        <source>partial, {amount} (restocking fee kept)</source>
        <translation>partiel, {amount} (frais de remise en stock retenus)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>Endommagé</translation>
    </message>
    <message>
        <source>Wrong item</source>
        <translation>Mauvais article</translation>
    </message>
    <message>
        <source>Missing item</source>
        <translation>Article manquant</translation>
    </message>
    <message>
        <source>Extra item</source>
        <translation>Article en trop</translation>
    </message>
    <message>
        <source>Serial mismatch</source>
        <translation>N° de série différent</translation>
    </message>
    <message>
        <source>Unidentified parcel</source>
        <translation>Colis non identifié</translation>
    </message>
    <message>
        <source>⏸ Awaiting a lead</source>
        <translation>⏸ En attente d’un chef d’équipe</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>▶ In progress</source>
        <translation>▶ En cours</translation>
    </message>
    <message>
        <source>✔ Decided</source>
        <translation>✔ Décidé</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>validé</translation>
    </message>
    <message>
        <source>sent back for re-inspection</source>
        <translation>renvoyé en contrôle</translation>
    </message>
    <message>
        <source>disposition changed to {disposition}</source>
        <translation>destination changée en « {disposition} »</translation>
    </message>
    <message>
        <source>linked to {rma}</source>
        <translation>rattaché à {rma}</translation>
    </message>
</context>
<context>
    <name>ui</name>
    <message>
        <source>Receiving Station</source>
        <translation>Poste de réception</translation>
    </message>
    <message>
        <source>Receiving Station cannot start</source>
        <translation>Le poste de réception ne peut pas démarrer</translation>
    </message>
</context>
</TS>
