-- Every kiosk's visitor figures at once, with DuckDB (https://duckdb.org).
--
-- Put each kiosk's export (exhibit stats --export DIR) in a folder named
-- after the kiosk: exports/<kiosk>/visits.csv and exports/<kiosk>/events.csv
-- (the Ansible playbook's collect-figures.yml does this), then run
--     duckdb < deploy/combine-figures.sql
-- from the folder that holds exports/.

CREATE OR REPLACE VIEW visits AS
SELECT regexp_extract(filename, '([^/\\]+)[/\\]visits\.csv$', 1) AS kiosk, *
FROM read_csv('exports/*/visits.csv', filename = true, header = true);

CREATE OR REPLACE VIEW events AS
SELECT regexp_extract(filename, '([^/\\]+)[/\\]events\.csv$', 1) AS kiosk, *
FROM read_csv('exports/*/events.csv', filename = true, header = true);

-- The most tapped places on the whole floor.
SELECT place, count(*) AS taps
FROM events WHERE kind = 'place'
GROUP BY place ORDER BY taps DESC, place LIMIT 10;

-- How many visitors each month, in which language, how far they got:
-- one line per kiosk, then the whole floor (kiosk empty).
SELECT coalesce(kiosk, '') AS kiosk,
       strftime(CAST(day AS DATE), '%Y-%m') AS month,
       count(*) AS visits,
       round(median(seconds)) AS median_seconds,
       count(*) FILTER (WHERE language = 'vi') AS in_vietnamese,
       count(*) FILTER (WHERE language = 'en') AS in_english,
       count(*) FILTER (WHERE chapters_finished LIKE '%offensive%') AS finished_chapter_1,
       count(*) FILTER (WHERE chapters_finished LIKE '%fortress%') AS finished_chapter_2,
       count(*) FILTER (WHERE chapters_finished LIKE '%final-day%') AS finished_chapter_3
FROM visits
GROUP BY GROUPING SETS ((month, kiosk), (month))
ORDER BY month, kiosk = '', kiosk;
