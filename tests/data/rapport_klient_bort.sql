-- Removes tests/data/rapport_klient.sql's rows (and the choices the
-- tests left remembered for the Insatsrapport).
SET session_replication_role = replica;
DELETE FROM volym_antal WHERE insats_id IN (SELECT i.id FROM insats i
    JOIN samverkansorg s ON s.id = i.samverkansorg_id
    WHERE s.namn = 'Rapportklient förbund');
DELETE FROM anonym_deltagande WHERE insats_id IN (SELECT i.id FROM insats i
    JOIN samverkansorg s ON s.id = i.samverkansorg_id
    WHERE s.namn = 'Rapportklient förbund');
DELETE FROM insats WHERE samverkansorg_id IN (SELECT id FROM samverkansorg
    WHERE namn = 'Rapportklient förbund');
DELETE FROM samverkansorg WHERE namn = 'Rapportklient förbund';
