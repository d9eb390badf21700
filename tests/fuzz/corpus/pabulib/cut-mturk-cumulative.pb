META
key;value
description;Experimental PB on Mechanical Turk | Utilities_3
country;Worldwide
unit;Mechanical Turk
instance;Utilities_3
num_projects;10
num_votes;74
budget;500000
vote_type;cumulative
rule;unknown
date_begin;2022
date_end;2022
min_sum_points;100
max_sum_points;100
edition;1
language;en
currency;USD
experimental;1
PROJECTS
project_id;cost;votes;score;name;category
25;90000;49;1168;The Sustainable Energy Pilot;Environment, public health & safety
3;27000;58;1091;Computers for the community learning center;Culture & community
51;105000;54;963;Security Cameras;Education
22;320000;53;932;24H public toilet;Environment, public health & safety
34;250000;48;700;Dog Park;Facilities, parks & recreation
7;50000;39;631;Laundry Access in Public Schools;Culture & community
40;120000;47;550;Let’s Rest: Picnic Tables & Benches for Our Parks;Facilities, parks & recreation
45;250000;45;542;Installing Lights at the school Basketball Court;Education
13;24000;42;453;Real-Time Bus Arrival Monitors in bus stations;Streets, Sidewalks & Transit
16;90000;36;359;Sheltered Bike Parking at the Main Library;Streets, Sidewalks & Transit
VOTES
voter_id;vote;points
2436;13,51,3,16,25,34,45;30,20,10,10,10,10,10
2315;7,3,45,25,34,40;50,16,15,12,6,1
2064;22,51,3,25,45,34,40;40,20,10,10,10,5,5
2448;45,22,25,40,16;30,24,17,17,12
2197;3,34,16,51,45,40;25,24,16,16,11,8
2204;3,51,22,16,40,45;57,16,15,4,4,4
2041;51,22,40,7,3,13;50,15,15,9,8,3
1311;25,51,13,34,7;38,21,19,13,9
1315;25,7,3,22;50,20,15,15
1992;34,22,3,45,51;34,22,18,13,12
2374;25,3,34,40;43,21,19,17
2090;45,22,13,25,51,16,34;25,19,14,13,13,8,8
1067;25,7,3,51;42,24,17,17
1068;22,25,40,51,3,34,45,13;22,22,15,12,10,9,6,4
1325;3,25,34,45,13,16,40,51,22,7;25,25,15,10,5,5,5,5,4,1
1070;22,45,3,7,51,40,34,13;22,18,13,12,11,10,7,6
1071;51,25,13,40,34,22,45,16;26,15,14,14,11,8,8,4
1708;7,13,16,45;48,36,12,3
2091;25,3,34,45;50,20,15,15
2348;51,25,3,40,13;29,27,26,12,6
2475;3,51,22,34,40;29,21,18,16,16
1076;3,22,25,40,51,13,16,45,34,7;20,20,20,10,10,5,5,5,3,2
1333;51,7,3,13,22;24,22,20,19,14
1334;3,45,22,40,34,25,16,51;20,18,15,15,13,10,6,3
1335;51,7,22,25,34,3,45;23,22,20,13,10,9,3
2249;3,34,40,45,51,13,16;30,21,15,12,11,7,4
