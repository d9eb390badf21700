META
key;value
description;Handwritten: approval, a decimal comma, a quoted name
num_projects;4
num_votes;6
budget;1000,5
vote_type;approval
currency;DKK
PROJECTS
project_id;cost;name
p1;400;Bænke i parken
p2;350,25;"Boisko ""Orlik"""
p3;600;Legeplads
p4;0;Gratis
VOTES
voter_id;vote
v1;p1,p2
v2;p2,p3
v3;p3
v4;p1,p3,p4
v5;
v6;p2
