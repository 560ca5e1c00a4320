#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the example set, data/examples/northbridge-leaders.actionset.

The Northbridge Leaders' Set is a fictional cross-organisation Action Learning
set: six middle managers from two NHS trusts, the city council, a college, a
housing association and an advice charity, with an external facilitator. It
has met three times (September to November 2026) and has a fourth meeting
planned for December.

Everything is generated from fixed seeds, so the output is the same on every
run: the ids come from one seeded generator and the timings, speakers and
questions from another. The program prints JSON in the shape of the file
format; to make it canonical (the bytes the app itself would save), pass it
through the format writer:

    build-aux/make-example.py | BUILDDIR/tests/format-rewrite - \\
        > data/examples/northbridge-leaders.actionset

tests/test-format.c checks that the committed file loads and saves to the
very same bytes, and tests/validate-schema.py checks it against the schema.
"""

import datetime
import json
import random
import sys
import uuid
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")

# Two generators: changing the text or the timings must not change the ids.
ID_RNG = random.Random(19_170_926)
RNG = random.Random(20_260_917)


def new_id():
    return str(uuid.UUID(int=ID_RNG.getrandbits(128), version=4))


def local(day, hour, minute, second=0, ms=0):
    """A wall-clock time in Europe/London on an ISO date."""
    d = datetime.date.fromisoformat(day)
    return datetime.datetime(d.year, d.month, d.day, hour, minute, second,
                             ms * 1000, tzinfo=LONDON)


def stamp(dt):
    """ISO 8601 with milliseconds when there are any, and the offset: "Z" in
    winter (GMT) and "+01:00" in summer (BST)."""
    dt = dt.astimezone(LONDON)
    text = dt.strftime("%Y-%m-%dT%H:%M:%S")
    ms = dt.microsecond // 1000
    if ms:
        text += ".%03d" % ms
    offset = dt.utcoffset()
    if offset == datetime.timedelta(0):
        return text + "Z"
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "-"
    return "%s%s%02d:%02d" % (text, sign, abs(minutes) // 60, abs(minutes) % 60)


def ms_after(dt, ms):
    return dt + datetime.timedelta(milliseconds=ms)


# The set

SET = {
    "name": "Northbridge Leaders\u2019 Set",
    "purpose": (
        "A cross-organisation action learning set for middle managers in "
        "Northbridge\u2019s NHS trusts, the city council, the college, a housing "
        "association and the voluntary sector, part of the Northbridge Leadership "
        "Collaborative\u2019s 2026\u201327 programme.\n\n"
        "We meet monthly for a morning, from September 2026 to February 2027. Each "
        "member brings a real challenge agreed with their sponsor, works on it "
        "through questions rather than advice, and commits to actions that they "
        "report back on at the next meeting."
    ),
    "ground_rules": (
        "1. Confidentiality: what is said in the set stays in the set. Sponsors hear "
        "only what a member chooses to share.\n"
        "2. Questions, not advice: we help by asking open questions, not by telling "
        "each other what to do.\n"
        "3. Timekeeping: we start and finish on time and keep to each round\u2019s time; "
        "the facilitator keeps the clock.\n"
        "4. Commitment to action: everyone leaves with actions they own, and reports "
        "back on them next time.\n"
        "5. Equal airtime: every voice is heard; we notice when we talk too much or "
        "too little.\n"
        "6. Attendance: we come to every meeting, and tell Ruth in advance when we "
        "cannot.\n"
        "7. Phones on silent and laptops closed, except for the facilitator\u2019s."
    ),
    "facilitator": "Ruth Ellison",
    "warning_seconds": 60,
    "monologue_seconds": 90,
    "report_back_minutes": 5,
    "present_minutes": 8,
    "questions_minutes": 15,
    "reflect_minutes": 4,
    "commit_minutes": 3,
}

# Colours from the Okabe–Ito palette, which stays distinct for people with
# the common forms of colour blindness.
MEMBERS = [
    {
        "key": "priya",
        "name": "Priya Raman",
        "role": "Ward Manager, Acute Medical Unit",
        "organisation": "Northbridge Teaching Hospitals NHS Foundation Trust",
        "sponsor_name": "Helen Okafor, Deputy Chief Nurse",
        "sponsor_contact": "helen.okafor@example.org",
        "colour": "#0072b2",
        "challenge": (
            "Between eight and twelve patients a day on the Acute Medical Unit are "
            "medically fit to leave but wait for a care package or a community bed, "
            "often for three days or more. Priya wants to set up a daily discharge "
            "huddle with the council\u2019s hospital social work team and the community "
            "nurses. Her nurses already feel stretched, and two earlier huddles faded "
            "out within a month."
        ),
        "airtime": 1.0,
    },
    {
        "key": "tom",
        "name": "Tom Gallagher",
        "role": "Head of Neighbourhood Services",
        "organisation": "Northbridge City Council",
        "sponsor_name": "Andrew Whitfield, Director of Place",
        "sponsor_contact": "andrew.whitfield@example.org",
        "colour": "#d55e00",
        "challenge": (
            "Tom has been asked to bring the street cleansing and parks teams, based "
            "at two depots with very different cultures, into one neighbourhood "
            "service by April while saving \u00a3400,000. The union representatives are "
            "wary, and the parks supervisors see the merger as a takeover. He needs a "
            "plan the crews can believe in without losing the goodwill that keeps the "
            "service running."
        ),
        "airtime": 1.5,
    },
    {
        "key": "aisha",
        "name": "Aisha Begum",
        "role": "Advice Services Manager",
        "organisation": "Northbridge Advice Centre",
        "sponsor_name": "Margaret Doyle, Chief Executive",
        "sponsor_contact": "margaret.doyle@example.org",
        "colour": "#009e73",
        "challenge": (
            "Requests for debt and benefits advice have almost doubled in eighteen "
            "months, while the centre still relies on forty volunteers and five paid "
            "advisers. The wait for an appointment is now five weeks, and two "
            "long-serving volunteers have left, citing stress. Aisha wants to bring in "
            "telephone triage and a clear waiting-list policy without the most "
            "vulnerable clients slipping through the gaps."
        ),
        "airtime": 1.0,
    },
    {
        "key": "daniel",
        "name": "Daniel Kowalski",
        "role": "Repairs and Maintenance Manager",
        "organisation": "Wharfside Homes",
        "sponsor_name": "Sarah Lin, Director of Property Services",
        "sponsor_contact": "sarah.lin@example.org",
        "colour": "#cc79a7",
        "challenge": (
            "Reports of damp and mould in Wharfside\u2019s older flats have tripled since "
            "last winter, and the repairs contractor misses its ten-working-day target "
            "for a first visit on one case in three. The tenants\u2019 panel has lost "
            "patience and a ward councillor has started asking questions. Daniel wants "
            "to clear the backlog and rebuild tenants\u2019 trust, but the contract, the "
            "budget and the surveyors are not his to command."
        ),
        "airtime": 1.2,
    },
    {
        "key": "grace",
        "name": "Grace Adeyemi",
        "role": "Head of Student Support",
        "organisation": "Northbridge College",
        "sponsor_name": "Dr Paul Mensah, Vice Principal",
        "sponsor_contact": "paul.mensah@example.org",
        "colour": "#e69f00",
        "challenge": (
            "Attendance among 16 to 18-year-olds has fallen to 82 per cent and "
            "referrals for anxiety and low mood have risen by half, while young people "
            "wait months for specialist mental health services. Grace has been asked to "
            "set up a wellbeing team from existing staff, and is unsure how to do it "
            "without taking tutors away from teaching or promising more than the "
            "college can deliver."
        ),
        "airtime": 0.6,
    },
    {
        "key": "michael",
        "name": "Michael Hughes",
        "role": "Community Mental Health Team Manager",
        "organisation": "Pennine Moor NHS Foundation Trust",
        "sponsor_name": "Dr Fiona Grant, Associate Director of Operations",
        "sponsor_contact": "fiona.grant@example.org",
        "colour": "#56b4e9",
        "challenge": (
            "Michael\u2019s team of 26 clinicians is moving from one city-wide service to "
            "three neighbourhood teams working alongside GP practices and voluntary "
            "groups. Several experienced staff doubt that the change will do anything "
            "for caseloads that already average 38. He needs the team to shape the new "
            "model rather than have it done to them."
        ),
        "airtime": 0.9,
    },
]

# The meetings: three held, one planned. Michael was away in October. The
# first two fall in British Summer Time (+01:00), the others in GMT ("Z").
MEETINGS = [
    {"date": "2026-09-17", "place": "Board Room, Northbridge Advice Centre, 14 Canal Street",
     "absent": [], "report_back_minutes": 2},
    {"date": "2026-10-15",
     "place": "Seminar Room 2, Education Centre, Northbridge General Hospital",
     "absent": ["michael"], "report_back_minutes": 5},
    {"date": "2026-11-19", "place": "Learning & Development Suite, Northbridge Civic Centre",
     "absent": [], "report_back_minutes": 5},
]
# When the file was last saved: the day after the November meeting.
NOW = datetime.datetime(2026, 11, 20, 18, 0, tzinfo=LONDON)
PLANNED = {"date": "2026-12-17", "place": "Community Room, Wharfside Homes, 2 Wharf Road"}

# Questions anyone might ask: (tag, text).
GENERIC_OPEN = [
    "What would a good outcome look like for you by our next meeting?",
    "What is stopping you?",
    "Who else sees this as a problem?",
    "What have you already tried, and what did you learn from it?",
    "What do you need from your sponsor?",
    "How would you know that things were getting better?",
    "What assumptions are you making about the people involved?",
    "What is within your control here, and what isn\u2019t?",
    "How do you feel when you talk about this?",
    "What is the one thing that would make the biggest difference?",
    "What are you avoiding?",
    "Whose support do you most need, and how could you get it?",
    "What would happen if you did nothing?",
    "What has changed since you first described this challenge?",
    "What part of this keeps you awake at night?",
    "What is the smallest step you could take this week?",
    "How might the people who disagree with you describe the situation?",
    "What does your team think the problem is?",
    "Where does your energy go up when you talk about this, and where does it drop?",
    "What would it mean for you personally if this worked?",
    "What are you learning about yourself as a leader through this?",
    "What is different about the times when it goes well?",
    "Who benefits from things staying as they are?",
]
GENERIC_CLOSED = [
    "Have you told your sponsor about this?",
    "Is there a deadline for the decision?",
    "Do you have the budget for that?",
    "Has this been tried anywhere else in your organisation?",
    "Is that your decision to make?",
    "Did you get the figures you were waiting for?",
]
GENERIC_ADVICE = [
    "Have you tried just getting everyone in a room together?",
    "Why don\u2019t you escalate it to your director?",
    "Couldn\u2019t you ask for a secondee to take some of the load?",
    "Have you thought about running a pilot first?",
    "Wouldn\u2019t it be easier to bring in an outside consultant?",
    "Why not let the team choose how to do it themselves?",
    "Shouldn\u2019t you just set a firm deadline and stick to it?",
    "Have you considered a staff survey?",
]
FACILITATOR = [
    "What would you like from the set today?",
    "What question would help you most right now?",
    "Before we go on: what have you heard so far that matters?",
]

# Questions about each member's challenge, per meeting: (tag, text, starred).
SPECIFIC = {
    "priya": [
        [("open", "What happened to the two earlier huddles, in your view?", True),
         ("open", "What does a good day on the unit look like for a patient who is ready to go home?", False),
         ("closed", "Does the social work team know you want to try again?", False),
         ("open", "Who on your ward would care most if this worked?", False),
         ("advice", "Have you tried asking the discharge coordinator to run the huddle instead?", False),
         ("open", "What would Jo say the problem is?", True)],
        [("open", "What surprised you in the data?", False),
         ("open", "Which of the reasons for waiting are in the hospital\u2019s gift?", True),
         ("closed", "Is the huddle still happening every day?", False),
         ("open", "What do your nurses say about it when you are not there?", False),
         ("open", "How are you making sure the community nurses feel it is theirs too?", False),
         ("advice", "Why not put the figures on a board on the ward so everyone sees them?", False)],
        [("open", "Who isn\u2019t in the huddle who should be?", True),
         ("open", "What will you do differently over Christmas, when half the team is on leave?", False),
         ("open", "What do you want the divisional meeting to decide?", False),
         ("closed", "Have the night staff ever been asked about discharges?", False),
         ("open", "What are you proudest of in the last two months?", False),
         ("open", "What would it take for this to survive without you?", True)],
    ],
    "tom": [
        [("open", "What does each depot fear losing?", True),
         ("open", "Where does the \u00a3400,000 figure come from, and how fixed is it?", False),
         ("open", "Who are the informal leaders at each depot?", False),
         ("closed", "Have the unions seen any of the plans yet?", False),
         ("advice", "Have you tried getting the two sets of supervisors to swap depots for a week?", False),
         ("open", "What would a crew member need to hear from you to believe this isn\u2019t a takeover?", True)],
        [("open", "What did you hear at the depots that you didn\u2019t expect?", False),
         ("open", "What would be lost if the consultation started later?", True),
         ("closed", "Is the April date set by the Cabinet or by your directorate?", False),
         ("open", "How will the design group\u2019s ideas change what you do?", False),
         ("open", "What are you most worried about telling the crews?", False),
         ("advice", "Couldn\u2019t you keep both depots open and merge only the management?", False)],
        [("open", "What would you be prepared to let the design group decide?", True),
         ("open", "What is the risk of showing them the real figures?", False),
         ("open", "How will you know they trust the process?", False),
         ("closed", "Do the supervisors know the savings target?", False),
         ("open", "What are you holding on to that you could let go of?", True),
         ("open", "What support do you need from Andrew in the next month?", False)],
    ],
    "aisha": [
        [("open", "Who decides which client gets the next appointment now?", False),
         ("open", "What do the volunteers who have left say about why?", False),
         ("open", "What does a five-week wait mean for a family facing eviction?", True),
         ("closed", "Does your chief executive know about the volunteers leaving?", False),
         ("advice", "Have you thought about putting a waiting list on the website?", False),
         ("open", "What keeps you in this job on the hard days?", True)],
        [("open", "Who is harmed by first come, first served?", True),
         ("open", "What would triage ask that you don\u2019t ask now?", False),
         ("open", "What are you afraid will happen if you say no to someone?", True),
         ("closed", "Is there funding for another paid adviser next year?", False),
         ("open", "How will the volunteers feel about triage?", False),
         ("advice", "Why not ask the council to fund an extra day of debt advice?", False)],
        [("open", "What did the trustees say when you told them?", False),
         ("open", "What would an honest waiting-list policy promise?", True),
         ("open", "Who should write it with you?", False),
         ("closed", "Can the phone system route calls to triage?", False),
         ("open", "What will you stop doing to make room for the pilot?", False),
         ("open", "How will you look after yourself through the winter peak?", True)],
    ],
    "daniel": [
        [("open", "What does a tenant with mould hear from Wharfside today?", True),
         ("open", "Which of the delays are the contractor\u2019s, and which are ours?", False),
         ("closed", "Have you been out to any of the cases yourself?", True),
         ("open", "What is in the contract that you could use, and what isn\u2019t?", False),
         ("advice", "Have you tried withholding payment until they hit the target?", False),
         ("open", "Who in the organisation feels the pressure most?", False)],
        [("open", "What did you see on the visits that the reports don\u2019t show?", False),
         ("open", "What would the panel chair say trust looks like?", True),
         ("open", "What are you afraid the panel will ask you?", False),
         ("closed", "Is the councillor\u2019s enquiry a formal complaint?", False),
         ("open", "Who would need to agree to a mould-first rule?", False),
         ("advice", "Shouldn\u2019t you just re-tender the contract?", False)],
        [("open", "What could you do on Monday without asking anyone?", True),
         ("open", "How did the panel respond to hearing about your failures?", False),
         ("open", "What would change if tenants were at the contract review?", False),
         ("closed", "Has the contractor agreed to the five-day visits?", False),
         ("open", "What permission are you waiting for?", True),
         ("open", "What would your sponsor say you are good at?", False)],
    ],
    "grace": [
        [("open", "What does \u201cfrom existing staff\u201d mean to you, and to Paul?", True),
         ("open", "What do students say keeps them away?", False),
         ("open", "What would the wellbeing team not do?", False),
         ("closed", "Do you have figures on referrals by course?", False),
         ("advice", "Have you tried partnering with a local mental health charity?", False),
         ("open", "What would make you feel this had been a success in June?", False)],
        [("open", "What did the students tell you that surprised you?", True),
         ("open", "How will the tutors protect those three hours?", False),
         ("open", "Where does your responsibility end and the NHS\u2019s begin?", True),
         ("closed", "Did the tutors volunteer, or were they chosen?", False),
         ("open", "What will you say to a parent who expects counselling?", False),
         ("advice", "Why don\u2019t you start with one department as a pilot?", False)],
        [("open", "What will you do with what the students said?", False),
         ("open", "How do you want the senior team to feel when they hear it?", True),
         ("open", "What are you doing for your own wellbeing?", False),
         ("closed", "Is there a named contact in the specialist mental health team?", False),
         ("open", "What would you say here if you weren\u2019t worried about saying it well?", True),
         ("open", "What would you like the set to ask you next time?", False)],
    ],
    "michael": [
        [("open", "What do the staff who doubt the change know that you don\u2019t?", True),
         ("open", "What would a neighbourhood team\u2019s first week look like?", False),
         ("open", "Which GP practices are keen, and why?", False),
         ("closed", "Has the April go-live date been agreed by the board?", False),
         ("advice", "Have you tried bringing in staff from a trust that has already done it?", False),
         ("open", "What are you selling, and what are you asking?", True)],
        None,
        [("open", "What did the psychiatrists tell you?", False),
         ("open", "What happens if April slips?", True),
         ("open", "What would it take to tell Fiona what you have just told us?", True),
         ("closed", "Is the caseload data reliable enough to use?", False),
         ("open", "Who in the team could lead the design session with you?", False),
         ("open", "What did you miss by not being here last month?", False)],
    ],
}

# What each member learned, per meeting: (text, shareable with the sponsor).
REFLECTIONS = {
    "priya": [
        ("I came in wanting a process and left with a question about relationships: the "
         "huddles failed before because nobody on the social work side felt it was theirs. "
         "I need to build it with Jo, not present it to her.", True),
        ("The data changed the conversation. Once people saw why patients wait, they "
         "stopped blaming each other. I also noticed how quickly I answer for my nurses "
         "instead of letting them speak.", True),
        ("Being asked who is left out stopped me short. I have been so proud of the day "
         "team that I have not once asked the night staff. Pride can be a blind spot.", False),
    ],
    "tom": [
        ("I talk a lot when I am anxious, and I give advice when I should ask. Ruth\u2019s "
         "count of my \u201chave you tried\u201d questions was uncomfortable and fair.", False),
        ("Slowing the consultation down felt like weakness until I asked for it; Andrew "
         "saw it as good judgement. I assume senior people want speed more than they do.",
         True),
        ("The crews are not resisting change, they are resisting not being asked. Giving "
         "the design group the real figures is a risk I now think is worth taking.", True),
    ],
    "aisha": [
        ("Naming the volunteers\u2019 stress out loud made me realise that I have been "
         "carrying it alone. I have not told Margaret how bad it is.", False),
        ("I treat saying no to a client as failure. The question that helped most was who "
         "is harmed by first come, first served: the answer is the people I most want to "
         "help.", True),
        ("A waiting-list policy is a kindness if it is honest. I want to write it with the "
         "volunteers, not for them.", True),
    ],
    "daniel": [
        ("Seeing the mould in a child\u2019s bedroom did more than any report. I manage by "
         "spreadsheet too much.", True),
        ("Listening to the panel without defending the contractor was the hardest hour of "
         "my month. They did not need me to agree; they needed me to hear.", True),
        ("I am still waiting for someone to give me permission. \u201cWhat could you do on "
         "Monday without asking anyone?\u201d will stay with me.", False),
    ],
    "grace": [
        ("I am afraid of being blamed if the wellbeing team does not work, so I am tempted "
         "to make it small enough not to fail. That is not the same as making it work.",
         False),
        ("The students were clearer than the staff about what helps. Next time I will ask "
         "them first.", True),
        ("I spoke less than anyone today, and I noticed it. My best questions came when I "
         "stopped rehearsing them.", False),
    ],
    "michael": [
        ("The set showed me that I have been selling the new model rather than asking the "
         "team what they fear about it.", True),
        None,
        ("Missing last month showed me how much I rely on this space to think. Being "
         "straight with Fiona about April is overdue.", True),
    ],
}

# Actions committed in each round, per meeting, with how their status moved
# on: (text, [(status, when, note)]), where when is ("YYYY-MM-DD", hour,
# minute) or "report-back" for the owner's next report back in the set.
ACTIONS = {
    "priya": [
        [("Meet Jo Barker, the hospital social work team leader, to agree a two-week trial "
          "of a daily 10:30 discharge huddle on the unit.",
          [("doing", ("2026-09-22", 8, 12), "Meeting booked for 29 September."),
           ("done", ("2026-09-29", 15, 40), "Trial agreed from 5 October.")]),
         ("Collect two weeks of figures on medically fit patients and the reasons they are "
          "waiting.",
          [("doing", ("2026-09-21", 9, 5), ""),
           ("done", ("2026-10-09", 17, 20), "")]),
         ("Ask Helen for protected time for a band 6 nurse to lead the huddle.",
          [("dropped", "report-back",
            "Helen suggested the discharge coordinator leads it instead, so no extra time "
            "is needed.")])],
        [("Run the huddle for four weeks and track each patient\u2019s delay against the "
          "September figures.",
          [("doing", ("2026-10-19", 10, 45), ""),
           ("done", ("2026-11-16", 16, 30), "Average wait down from 3.4 to 2.1 days.")]),
         ("Invite the community nursing lead to join the huddle twice a week.",
          [("done", ("2026-10-28", 11, 15), "")])],
        [("Present the four-week results to the divisional operations meeting on "
          "2 December.", []),
         ("Agree with Jo how the huddle continues over Christmas and New Year.", []),
         ("Ask the night staff why they feel left out of discharge planning.",
          [("doing", ("2026-11-20", 7, 50), "Spoke to two of them at handover.")])],
    ],
    "tom": [
        [("Spend a morning with each depot\u2019s crews before writing anything down.",
          [("doing", ("2026-09-24", 7, 30), ""),
           ("done", ("2026-10-06", 13, 0),
            "Both depots visited. The parks crews worry far more about weekend rotas than "
            "about the merger itself.")]),
         ("Meet the Unison and GMB representatives informally before the formal "
          "consultation.",
          [("doing", ("2026-09-28", 12, 10), ""),
           ("done", ("2026-10-12", 14, 45), "")]),
         ("Draft three options for the new structure, with the savings each one gives.",
          [("doing", ("2026-10-01", 9, 0), ""),
           ("done", ("2026-11-10", 18, 5), "")])],
        [("Set up a design group of two supervisors and two crew members from each depot.",
          [("doing", ("2026-10-20", 8, 40), ""),
           ("done", ("2026-11-03", 16, 10), "")]),
         ("Ask Andrew to move the start of the consultation from January to February.",
          [("done", ("2026-10-20", 15, 25), "Agreed, subject to the Cabinet briefing.")])],
        [("Hold the first design group meeting and let the group set its own agenda.", []),
         ("Share the savings figures with the design group, including the ones I would "
          "rather not.", [])],
    ],
    "aisha": [
        [("Map where clients wait longest, from first call to first appointment.",
          [("doing", ("2026-09-21", 10, 0), ""),
           ("done", ("2026-10-08", 16, 50), "")]),
         ("Talk to three volunteers who have been with us for over five years about what "
          "keeps them going.",
          [("doing", ("2026-09-30", 13, 20), ""),
           ("done", ("2026-10-14", 11, 35), "")])],
        [("Draft a telephone triage script with two senior advisers.",
          [("doing", ("2026-10-22", 14, 0), ""),
           ("done", ("2026-11-12", 17, 15), "")]),
         ("Visit Kirkdale Advice Centre to see how their waiting-list policy works in "
          "practice.",
          [("dropped", ("2026-11-05", 9, 30),
            "Their manager is on long-term leave; I will ask again in the new year.")]),
         ("Tell the trustees at the November board that the wait is five weeks and rising.",
          [("done", ("2026-11-11", 20, 10), "")])],
        [("Pilot triage on the Tuesday and Thursday phone lines for four weeks.", []),
         ("Write a one-page waiting-list policy and test it with the volunteer reps.", [])],
    ],
    "daniel": [
        [("Pull the list of every open damp and mould case older than twenty working days.",
          [("done", ("2026-09-21", 11, 40), "")]),
         ("Go out with a surveyor on three visits to see the cases myself.",
          [("doing", ("2026-09-25", 9, 15), ""),
           ("done", ("2026-10-02", 15, 55), "")]),
         ("Ask Sarah to put the contractor\u2019s performance on the agenda of the December "
          "contract review.",
          [("done", ("2026-09-24", 10, 30), "")])],
        [("Meet the tenants\u2019 panel chair, and listen rather than defend.",
          [("done", ("2026-10-29", 19, 30),
            "A hard meeting. We agreed a monthly update to the panel.")]),
         ("Propose a mould-first rule to the contractor: any case with children or a health "
          "condition visited within five working days.",
          [("doing", ("2026-10-27", 11, 0), "Contractor wants to discuss the cost.")])],
        [("Send the first monthly update to the tenants\u2019 panel, including where we have "
          "failed.", []),
         ("Ask two tenants whether they would join the December contract review.", [])],
    ],
    "grace": [
        [("Find out how many tutors have had mental health first aid training.",
          [("done", ("2026-10-01", 12, 30), "")]),
         ("Ask Paul what \u201cfrom existing staff\u201d really means.",
          [("doing", ("2026-09-25", 16, 0), ""),
           ("done", ("2026-10-07", 10, 20),
            "Paul will protect three hours a week for each of four tutors.")])],
        [("Ask ten students what would make them come to college on a bad day.",
          [("doing", ("2026-10-21", 12, 45), ""),
           ("done", ("2026-11-13", 15, 10), "")]),
         ("Draft a role outline for the wellbeing tutors, with clear limits on what they "
          "do not do.",
          [("done", ("2026-11-06", 17, 40), "")])],
        [("Share what the students said with the senior team, in their own words.", []),
         ("Meet the local specialist mental health team manager about a referral route.", []),
         ("Take a full day off before the end of term.", [])],
    ],
    "michael": [
        [("Ask each of the three consultant psychiatrists what worries them about the "
          "neighbourhood model.",
          [("doing", ("2026-09-28", 13, 0), ""),
           ("done", ("2026-11-05", 16, 20), "")]),
         ("Book meetings with the practice managers of the four largest GP practices.",
          [("done", ("2026-10-09", 11, 50), "")]),
         ("Work out the current caseload per clinician from the patient record system "
          "rather than the team spreadsheet.",
          [("dropped", "report-back",
            "The system figures are unreliable until the migration in January.")])],
        None,
        [("Run a half-day session where the team designs the first neighbourhood team\u2019s "
          "week.", []),
         ("Tell Fiona plainly that the April go-live is at risk.",
          [("doing", ("2026-11-20", 9, 10), "Meeting booked for 26 November.")])],
    ],
}


class Meeting:
    """Builds one held meeting: rounds, timer events, turns and questions on
    a single clock, so that every record agrees with every other."""

    def __init__(self, index, spec, members):
        self.index = index
        self.spec = spec
        self.members = members
        self.attending = [m for m in members if m["key"] not in spec["absent"]]
        self.id = new_id()
        self.rounds = []
        self.timer_events = []
        self.turns = []
        self.questions = []
        self.round_of = {}          # member key → round
        self.report_back_at = {}    # member key → datetime of their report back
        self.commit_at = {}         # member key → datetime of their commitments

    def turn(self, member, start, duration_ms, round_, step):
        self.turns.append({"id": new_id(), "member": member["id"], "start": stamp(start),
                           "duration_ms": int(duration_ms), "round": round_["id"],
                           "step": step["id"]})

    def event(self, kind, at, round_, step):
        event = {"id": new_id(), "kind": kind, "at": stamp(at), "round": round_["id"]}
        if step is not None:
            event["step"] = step["id"]
        self.timer_events.append(event)

    def build(self):
        start = local(self.spec["date"], 9, 30)
        # Ruth opens the meeting and everyone checks in before she starts the
        # timer on the first round; the app records nothing of that.
        t = start + datetime.timedelta(minutes=RNG.randint(11, 16), seconds=RNG.randint(0, 59))
        t = ms_after(t, RNG.randint(0, 999))

        order = self.attending[:]
        RNG.shuffle(order)
        for position, presenter in enumerate(order):
            # The timer runs from round to round; after the third, Ruth pauses
            # it for a break.
            t = self.build_round(presenter, t, first=position == 0, coffee=position == 3)

        return {
            "id": self.id,
            "start": stamp(start),
            "end": stamp(start + datetime.timedelta(hours=4)),
            "place": self.spec["place"],
            "attendees": [m["id"] for m in self.attending],
            "state": "finished",
            "paused": False,
            "rounds": self.rounds,
            "timer_events": self.timer_events,
            "turns": self.turns,
            "questions": self.questions,
            "reflections": self.reflections(),
        }

    def budgets(self):
        return [("report_back", self.spec["report_back_minutes"]),
                ("present", SET["present_minutes"]),
                ("questions", SET["questions_minutes"]),
                ("reflect", SET["reflect_minutes"]),
                ("commit", SET["commit_minutes"])]

    def build_round(self, presenter, t, first, coffee):
        steps = [{"id": new_id(), "kind": kind, "budget_minutes": minutes}
                 for kind, minutes in self.budgets()]
        round_ = {"id": new_id(), "presenter": presenter["id"],
                  "planned_minutes": sum(s["budget_minutes"] for s in steps),
                  "steps": steps}
        self.rounds.append(round_)
        self.round_of[presenter["key"]] = round_
        others = [m for m in self.attending if m is not presenter]

        # Each step is a list of segments: (speaker or None for a silence,
        # milliseconds, question or None).
        plans = [self.plan_step(s["kind"], s["budget_minutes"], presenter, others)
                 for s in steps]
        pauses = {}
        if not first:
            # The timer moves on as soon as the last round ends: the change of
            # presenter is a silence at the start of the report back.
            plans[0].insert(0, (None, RNG.randint(15_000, 60_000), None))
        if coffee:
            plans[0].insert(0, (None, RNG.randint(2_000, 6_000), None))
            pauses[0] = (1, RNG.randint(14 * 60_000, 17 * 60_000))

        # One or two pauses, at a boundary between segments, mostly while the
        # presenter talks or the questions run.
        for _ in range(RNG.choice((1, 1, 2))):
            k = RNG.choices(range(5), weights=(1, 3, 4, 2, 1))[0]
            if k in pauses or len(plans[k]) < 2:
                continue
            pauses[k] = (RNG.randint(1, len(plans[k]) - 1), RNG.randint(25_000, 170_000))

        # The events the meeting session records: start of the round, then
        # of its first step; stop of a step and start of the next at once; a
        # pause and its resume within a step; stop of the last step, then of
        # the round.
        self.event("start", t, round_, None)
        for k, (step, plan) in enumerate(zip(steps, plans)):
            if step["kind"] == "report_back":
                self.report_back_at[presenter["key"]] = t
            elif step["kind"] == "commit":
                self.commit_at[presenter["key"]] = t
            self.event("start", t, round_, step)
            for n, (speaker, duration, question) in enumerate(plan):
                if k in pauses and pauses[k][0] == n:
                    self.event("pause", t, round_, step)
                    t = ms_after(t, pauses[k][1])
                    self.event("resume", t, round_, step)
                if question is not None:
                    tag, text, starred = question
                    q = {"id": new_id(), "text": text}
                    if speaker is not None:
                        q["asker"] = speaker["id"]
                    q.update({"addressee": presenter["id"],
                              "at": stamp(ms_after(t, RNG.randint(400, 2_000))),
                              "round": round_["id"], "tag": tag, "starred": starred})
                    self.questions.append(q)
                if speaker is not None:
                    self.turn(speaker, t, duration, round_, step)
                t = ms_after(t, duration)
            # The time the step ran, without its pauses.
            step["elapsed_ms"] = sum(int(d) for _, d, _ in plan)
            self.event("stop", t, round_, step)
        self.event("stop", t, round_, None)
        return t

    def plan_step(self, kind, minutes, presenter, others):
        target = minutes * 60_000 * {
            "report_back": RNG.uniform(0.75, 1.3),
            "present": RNG.uniform(0.85, 1.35),
            "questions": RNG.uniform(0.9, 1.2),
            "reflect": RNG.uniform(0.8, 1.3),
            "commit": RNG.uniform(0.8, 1.4),
        }[kind]
        plan = []

        def gap():
            plan.append((None, RNG.randint(1_200, 4_500), None))

        def pick(weights_for=others):
            return RNG.choices(weights_for, weights=[m["airtime"] for m in weights_for])[0]

        if kind == "questions":
            # The set does most of the talking here: a question often comes
            # with a little context, the presenter answers briefly (the set
            # asks them to hold back), and another member may build on it.
            for question, asker in self.pick_questions(presenter, others):
                if asker is None:
                    plan.append((None, RNG.randint(6_000, 12_000), question))
                else:
                    plan.append((asker, RNG.randint(12_000, 45_000) * asker["airtime"], question))
                gap()
                plan.append((presenter, RNG.randint(12_000, 45_000), None))
                gap()
                if RNG.random() < 0.35:
                    plan.append((pick(), RNG.randint(8_000, 30_000), None))
                    gap()
        else:
            n = {"report_back": RNG.randint(1, 3), "present": RNG.randint(1, 2),
                 "reflect": RNG.randint(1, 2), "commit": RNG.randint(1, 2)}[kind]
            for i in range(n):
                plan.append((presenter, RNG.randint(40_000, 150_000), None))
                gap()
                # A short interjection: a clarifying word from someone else.
                if i < n - 1 or (kind in ("report_back", "reflect") and RNG.random() < 0.4):
                    plan.append((pick(), RNG.randint(6_000, 25_000), None))
                    gap()

        # Scale the talk, not the silences, to the time the step really took.
        talk = sum(d for s, d, q in plan if s is not None)
        silence = sum(d for s, d, q in plan if s is None)
        factor = max(target - silence, talk * 0.3) / talk
        return [(s, round(d * factor) if s is not None else d, q) for s, d, q in plan]

    def pick_questions(self, presenter, others):
        # Ruth often opens the questions herself; she is not a member, so her
        # question has no asker and no speaking turn.
        opening = RNG.random() < 0.5
        n = RNG.randint(10, 16) - (1 if opening else 0)
        advice_left = (2, 1, 0)[self.index]
        chosen = list(SPECIFIC[presenter["key"]][self.index])
        used = {text for _, text, _ in chosen}

        while len(chosen) < n:
            roll = RNG.random()
            if advice_left and roll < 0.15:
                bank, tag = GENERIC_ADVICE, "advice"
            elif roll < 0.27:
                bank, tag = GENERIC_CLOSED, "closed"
            else:
                bank, tag = GENERIC_OPEN, "open"
            text = RNG.choice(bank)
            if text in used:
                continue
            if tag == "advice":
                advice_left -= 1
            used.add(text)
            chosen.append((tag, text, False))
        RNG.shuffle(chosen)

        # The presenter stars a few more of the open questions that helped.
        for i, (tag, text, starred) in enumerate(chosen):
            if tag == "open" and not starred and RNG.random() < 0.2:
                chosen[i] = (tag, text, True)

        result = []
        if opening:
            result.append((("open", RNG.choice(FACILITATOR), False), None))
        for question in chosen:
            if question[0] == "advice":
                # Advice comes mostly from the members who talk most.
                weights = [m["airtime"] ** 3 for m in others]
            else:
                weights = [m["airtime"] for m in others]
            result.append((question, RNG.choices(others, weights=weights)[0]))
        return result

    def reflections(self):
        result = []
        for member in self.attending:
            text, shareable = REFLECTIONS[member["key"]][self.index]
            result.append({"id": new_id(), "member": member["id"], "text": text,
                           "shareable": shareable})
        return result


def planned_meeting(members):
    start = local(PLANNED["date"], 9, 30)
    rounds = []
    for member in members:
        steps = [{"id": new_id(), "kind": kind, "budget_minutes": SET[kind + "_minutes"]}
                 for kind in ("report_back", "present", "questions", "reflect", "commit")]
        rounds.append({"id": new_id(), "presenter": member["id"],
                       "planned_minutes": sum(s["budget_minutes"] for s in steps),
                       "steps": steps})
    # Like the others, a morning: check-in, six rounds and a break.
    return {
        "id": new_id(),
        "start": stamp(start),
        "end": stamp(start + datetime.timedelta(hours=4)),
        "place": PLANNED["place"],
        "attendees": [m["id"] for m in members],
        "state": "planned",
        "rounds": rounds,
        "timer_events": [],
        "turns": [],
        "questions": [],
        "reflections": [],
    }


def actions_for(held, members, next_dates, now):
    """The actions committed in each round, with their history."""
    actions = []
    for index, meeting in enumerate(held):
        for round_ in meeting.rounds:
            member = next(m for m in members if m["id"] == round_["presenter"])
            for text, moves in ACTIONS[member["key"]][index]:
                history = []
                previous = meeting.commit_at[member["key"]]
                for status, when, note in moves:
                    if when == "report-back":
                        later = next(m for m in held[index + 1:] if member["key"] in m.round_of)
                        at = later.report_back_at[member["key"]]
                        at += datetime.timedelta(seconds=RNG.randint(40, 110))
                    else:
                        day, hour, minute = when
                        at = local(day, hour, minute, RNG.randint(0, 59))
                    # A status moves on after the action was committed, in order,
                    # and before the file was last saved.
                    assert previous < at < now, (text, status)
                    previous = at
                    history.append({"id": new_id(), "at": stamp(at), "status": status,
                                    "note": note})
                actions.append({
                    "id": new_id(),
                    "owner": member["id"],
                    "text": text,
                    "meeting": meeting.id,
                    "round": round_["id"],
                    "due": next_dates[index],
                    "status": history[-1]["status"] if history else "todo",
                    "history": history,
                })
    return actions


def main():
    set_id = new_id()
    members = []
    for spec in MEMBERS:
        member = dict(spec)
        member["id"] = new_id()
        members.append(member)

    held = [Meeting(i, spec, members) for i, spec in enumerate(MEETINGS)]
    meetings = [m.build() for m in held]
    meetings.append(planned_meeting(members))
    next_dates = [spec["date"] for spec in MEETINGS[1:]] + [PLANNED["date"]]

    document = {
        "format": "org.example.ActionSet",
        "format_version": {"major": 1, "minor": 0},
        "id": set_id,
    }
    document.update(SET)
    document["members"] = [
        {key: m[key] for key in ("id", "name", "role", "organisation", "sponsor_name",
                                 "sponsor_contact", "challenge", "colour")}
        | {"active": True}
        for m in members
    ]
    document["meetings"] = meetings
    document["actions"] = actions_for(held, members, next_dates, NOW)

    json.dump(document, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
