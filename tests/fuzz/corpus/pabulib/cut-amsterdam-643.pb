META
key;value
description;Buurtbudget Sloterdijk
country;Netherlands
unit;Amsterdam
district;Nieuw-West
instance;643
num_projects;3
num_votes;66
budget;5720
vote_type;choose-1
rule;greedy
date_begin;2022
date_end;2022
min_length;1
max_length;1
language;nl
currency;EUR
comment;#1: The leftover_budget entry indicates how leftover budget is spent.
leftover_budget;Fund additional projects that fit within leftover budget ordered by score
PROJECTS
project_id;cost;votes;name;category
44251;5000;40;Bloementuinen rondom afvalbakken;Groen
44250;2000;21;Gratis bokszakken in de buurt;Openbare ruimte
44252;2000;5;Sessies schilderen op huid;Overig
VOTES
voter_id;vote
14368855578;44250
15127276730;44250
14588790656;44250
11113181012;44250
17337556867;44250
18763062097;44250
16248434504;44250
19226803274;44250
14412876382;44250
16416361595;44250
18153773564;44250
15812647194;44250
18206381306;44250
18974072501;44250
17317953766;44250
14270239117;44250
18463600942;44250
16333136669;44250
