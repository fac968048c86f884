"""Staff pages of public consultations, under /kelola/pd/<agency>/pembahasan/.

Split by what a person does: planning (list, plan, overview, close), participants
(invitees and attendance at the door), inputs (recorded live), scans, printouts.
"""
